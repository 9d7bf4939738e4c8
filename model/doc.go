// Package model is optout's domain: the guide catalog (platforms and their
// steps), regions, the user's accounts and per-account progress, and the
// interfaces that the guides, store and ui packages implement or consume.
//
// It imports only the standard library. "Model" here means the domain; the
// root Bubble Tea type lives in package ui as ui.App.
package model
