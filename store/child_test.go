package store

import (
	"os"
	"os/exec"
	"testing"
)

// Child processes: a test re-runs the test binary with -test.run naming
// itself and OPTOUT_STORE_CHILD set; the test then plays the child's part
// (see isChild) and exits. A second process is the only honest test of file
// locks and of crashes.
const (
	childEnv     = "OPTOUT_STORE_CHILD"
	childPathEnv = "OPTOUT_STORE_CHILD_PATH"
)

// child returns a command that runs test as a child in role, on path.
func child(t *testing.T, test, role, path string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), append(env, childEnv+"="+role, childPathEnv+"="+path)...)
	return cmd
}

// isChild reports whether this process is a child started in role, and the
// path it was given.
func isChild(role string) (string, bool) {
	return os.Getenv(childPathEnv), os.Getenv(childEnv) == role
}
