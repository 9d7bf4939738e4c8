package ui

import (
	"os"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// Dates on screen are local; golden files are written in UTC.
	time.Local = time.UTC
	os.Exit(m.Run())
}
