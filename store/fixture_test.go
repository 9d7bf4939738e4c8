package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// fixture creates a store at dir/optout.db holding accounts × steps ticks,
// written in bulk (one transaction per account) so that it is quick to build.
func fixture(tb testing.TB, dir string, accounts, steps int) string {
	tb.Helper()
	path := filepath.Join(dir, "optout.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.SaveSettings(model.Settings{Region: "eu"}); err != nil {
		tb.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := range accounts {
		id := model.AccountID(fmt.Sprintf("meta/p%03d#%d", a%10, a))
		if err := s.SaveAccount(model.Account{ID: id, Platform: "meta/p", Label: fmt.Sprint("account ", a), Created: at}); err != nil {
			tb.Fatal(err)
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			b, err := tx.Bucket([]byte(bucketProgress)).CreateBucketIfNotExists([]byte(id))
			if err != nil {
				return err
			}
			for i := range steps {
				v, err := json.Marshal(model.StepState{Done: i%3 != 0, At: at, Revision: "0123456789abcdef"})
				if err != nil {
					return err
				}
				key := fmt.Appendf(nil, "meta/platform-%02d/step-%05d", i%20, i)
				if err := b.Put(key, seal(v, []byte(bucketProgress), []byte(id), key)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}
