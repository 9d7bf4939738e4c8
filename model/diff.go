package model

import "strings"

// Hunk is one place where a text changed, word by word: the words removed
// and the words added, with a few unchanged words on each side so the
// reader can find the place.
type Hunk struct {
	Lead    string // unchanged words just before
	Removed string // "" when words were only added
	Added   string // "" when words were only removed
	Trail   string // unchanged words just after
}

// maxDiffCells bounds the work of one word diff (words before × words
// after), which runs each time a changed step's page is shown: 512 words
// on each side at most (about 1 MB and a millisecond). Instructions are
// far shorter; longer ones are said to have changed, without the words.
const maxDiffCells = 1 << 18

// WordHunks compares two texts word by word (white space does not count)
// and returns where they differ, each with up to context unchanged words
// before and after. ok is false when the texts are too long to compare;
// then only "it changed" can be said.
func WordHunks(before, after string, context int) (hunks []Hunk, ok bool) {
	a, b := words(before), words(after)
	if len(a)*len(b) > maxDiffCells {
		return nil, false
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:], in one flat slice.
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var same []string // unchanged words since the last hunk
	var removed, added []string
	flush := func() {
		if joinWords(removed) == "" && joinWords(added) == "" {
			// Nothing, or only where a line breaks: not a change of words.
			if len(removed)+len(added) > 0 {
				same = append(same, lineBreak)
			}
			removed, added = nil, nil
			return
		}
		if n := len(hunks); n > 0 && hunks[n-1].Trail == "" {
			hunks[n-1].Trail = lastWords(same, context, false)
		}
		hunks = append(hunks, Hunk{Lead: lastWords(same, context, true), Removed: joinWords(removed), Added: joinWords(added)})
		same, removed, added = nil, nil, nil
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			same = append(same, a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i*w+j+1] >= lcs[(i+1)*w+j]):
			added = append(added, b[j])
			j++
		default:
			removed = append(removed, a[i])
			i++
		}
	}
	flush()
	if n := len(hunks); n > 0 && hunks[n-1].Trail == "" {
		hunks[n-1].Trail = lastWords(same, context, false)
	}
	return hunks, true
}

// lineBreak stands for the end of a line among the words, so a hunk's
// context stops at the end of its paragraph or list item.
const lineBreak = "\n"

// words splits text into words, with lineBreak between lines.
func words(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, lineBreak)
		}
		out = append(out, f...)
	}
	return out
}

// lastWords joins up to n words of ws: the last ones (lead) or the first,
// not reaching past a line break.
func lastWords(ws []string, n int, lead bool) string {
	if lead {
		if i := lastIndex(ws, lineBreak); i >= 0 {
			ws = ws[i+1:]
		}
		ws = ws[max(len(ws)-n, 0):]
	} else {
		if i := index(ws, lineBreak); i >= 0 {
			ws = ws[:i]
		}
		ws = ws[:min(n, len(ws))]
	}
	return strings.Join(ws, " ")
}

// joinWords joins changed words, a line break reading as a space.
func joinWords(ws []string) string {
	return strings.Join(strings.Fields(strings.Join(ws, " ")), " ")
}

func index(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

func lastIndex(ws []string, w string) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == w {
			return i
		}
	}
	return -1
}

// PartChange is what became of one part of a step since the user ticked
// or last re-confirmed it.
type PartChange struct {
	Part          StepPart
	Before, After string
	// Hunks says where the words changed, for the instructions and the
	// text to copy; nil for a part shown whole (title, link) or one too
	// long to compare.
	Hunks []Hunk
}

// diffContext is how many unchanged words a hunk shows on each side.
const diffContext = 5

// Changes lists what changed in step since the user followed it, from the
// snapshot kept with the tick or re-confirm (LastFollowed). It is nil when
// nothing changed or no snapshot was kept (a v1 tick): then ChangedParts
// can still name the parts. plain turns a body's Markdown into plain text
// (render.PlainText): the instructions are compared as plain text, so a
// word that only gained bold or a list marker does not show as a change.
// model reads no Markdown itself.
func (s StepState) Changes(step Step, plain func(markdown string) string) []PartChange {
	f := s.LastFollowed()
	if f == nil || !s.Changed(step) {
		return nil
	}
	var out []PartChange
	add := func(p StepPart, before, after string, words bool) {
		if before == after {
			return
		}
		c := PartChange{Part: p, Before: before, After: after}
		if words {
			c.Hunks, _ = WordHunks(before, after, diffContext)
		}
		out = append(out, c)
	}
	add(PartBody, plain(f.Body), plain(step.Body), true)
	add(PartLink, f.Link, step.Link, false)
	add(PartTemplate, f.Template, textToCopy(step), true)
	add(PartTitle, f.Title, step.Title, false)
	return out
}
