package store

import (
	"encoding/binary"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/optout/optout/model"
)

// TestPartsRoundTrip: every part of model's table — however many there
// are — comes back through each codec that stores part hashes: a state in
// the order json.Marshal writes it, in sorted order (putJSON), through the
// fast reader and the strict one, and a followed snapshot.
func TestPartsRoundTrip(t *testing.T) {
	t.Parallel()
	for i, p := range model.StepParts() {
		var h model.PartHashes
		*h.Ref(p) = 4_000_000_000 + uint32(i) // near the top: all digits read
		all := h
		for j, q := range model.StepParts() {
			*all.Ref(q) = uint32(j*7 + 1)
		}
		for _, ph := range []model.PartHashes{h, all} {
			st := model.StepState{Done: true, At: t1, Revision: "r", Parts: ph}
			raw, err := json.Marshal(st)
			must(t, err)
			var m map[string]json.RawMessage
			must(t, json.Unmarshal(raw, &m))
			sorted, err := json.Marshal(m) // putJSON's order
			must(t, err)
			for name, in := range map[string][]byte{"struct order": raw, "sorted": sorted} {
				if got, ok := orderedState(in, interner{}); !ok || got.Parts != ph {
					t.Errorf("part %s, %s: ordered reader = %+v, %v; want %+v", p, name, got.Parts, ok, ph)
				}
				if got, ok := fastState(in, interner{}); !ok || got.Parts != ph {
					t.Errorf("part %s, %s: fast reader = %+v, %v; want %+v", p, name, got.Parts, ok, ph)
				}
				var strict model.StepState
				if err := decodeStrict(in, &strict); err != nil || strict.Parts != ph {
					t.Errorf("part %s, %s: strict reader = %+v, %v", p, name, strict.Parts, err)
				}
			}
			f, err := decodeFollowed(encodeFollowed(&model.Followed{Title: "T", Parts: ph}))
			if err != nil || !reflect.DeepEqual(f, &model.Followed{Title: "T", Parts: ph}) {
				t.Errorf("part %s: followed = %+v, %v", p, f, err)
			}
		}
	}
}

// TestFollowedPartsOfOtherLengths: a followed snapshot stored with fewer
// parts than this optout knows (before a part was added) reads with the
// rest zero; one with more (a newer optout's) keeps those it knows.
func TestFollowedPartsOfOtherLengths(t *testing.T) {
	t.Parallel()
	n := len(model.StepParts())
	for _, stored := range []int{n - 1, n, n + 1} {
		var v []byte
		for i := range stored {
			v = binary.BigEndian.AppendUint32(v, uint32(i+1))
		}
		f, err := decodeFollowed(appendField(nil, tagFollowedParts, v))
		if err != nil {
			t.Errorf("%d parts stored: %v", stored, err)
			continue
		}
		for i, p := range model.StepParts() {
			want := uint32(i + 1)
			if i >= stored {
				want = 0
			}
			if got := f.Parts.Of(p); got != want {
				t.Errorf("%d parts stored: part %s = %d, want %d", stored, p, got, want)
			}
		}
	}
	if _, err := decodeFollowed(appendField(nil, tagFollowedParts, []byte{1, 2, 3})); err == nil {
		t.Error("a part hash cut short was accepted")
	}
}
