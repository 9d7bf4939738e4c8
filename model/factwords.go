package model

import "strings"

// The words for a platform's facts and a step's confidence, shared by
// every front end (the full-screen card, the line mode, the reports), so
// a value reads the same everywhere.

// Sentence says the training default in plain words.
func (t Training) Sentence() string {
	switch t {
	case TrainingDefaultOn:
		return "Uses your data for AI training unless you act."
	case TrainingOptIn:
		return "Uses your data for AI training only if you agree."
	case TrainingNotUsed:
		return "Says it does not use your data for AI training."
	case TrainingAnalysisOn:
		return "Says it does not train generative AI on your data, but analyses it with other machine learning unless you act."
	}
	return "Whether it trains AI on your data is unclear."
}

// Sentence says who can change the setting.
func (w Who) Sentence() string {
	switch w {
	case WhoAdmin:
		return "Only an administrator of your workspace or organisation can change it."
	case WhoYouOrAdmin:
		return "You can change it, or your workspace administrator does for a work account."
	}
	return "You can change it yourself."
}

// Sentence says whether people may read what is used.
func (h HumanReview) Sentence() string {
	switch h {
	case HumanReviewYes:
		return "People at the company may read some of it."
	case HumanReviewNo:
		return "It says people do not read it."
	}
	return "Whether people read it is unclear."
}

// Sentence says how sure optout is of a step's facts.
func (c Confidence) Sentence() string {
	switch c {
	case ConfidenceOfficial:
		return "From the company's or a regulator's own pages."
	case ConfidenceReported:
		return "Reported by reputable press or consumer groups, not by the company itself."
	}
	return "Unconfirmed: check it on the way."
}

// CoversPhrase lists what the company uses, in words ("posts, photos and
// AI chats"), or "" when the guide names nothing.
func (f Facts) CoversPhrase() string {
	words := make([]string, len(f.Covers))
	for i, k := range f.Covers {
		words[i] = strings.ReplaceAll(string(k), "ai-chats", "AI chats")
	}
	return JoinAnd(words)
}

// Word is a request status in one word, as the user knows it ("sent" for
// submitted), or "none". A value this optout does not know (a newer one's,
// read from the data file) is shown as it is, sanitised.
func (s RequestStatus) Word() string {
	switch s {
	case StatusNone:
		return "none"
	case StatusSubmitted:
		return "sent"
	case StatusConfirmed, StatusRefused:
		return string(s)
	}
	return SafeLabel(string(s))
}
