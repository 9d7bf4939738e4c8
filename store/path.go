package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB is the environment variable that overrides the data file's location.
const EnvDB = "OPTOUT_DB"

// DefaultPath is where the data file lives when neither --db nor OPTOUT_DB
// says otherwise: $XDG_DATA_HOME/optout/optout.db when XDG_DATA_HOME is set
// to an absolute path, else the OS's per-user data directory
// (~/.local/share on Linux and BSD, ~/Library/Application Support on macOS,
// %LocalAppData% on Windows).
//
// getenv reads the environment (os.Getenv in the program): the store reads
// none itself, so that the CLI stays the one reader of it.
func DefaultPath(getenv func(string) string) (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		home = ""
	}
	return defaultPath(runtime.GOOS, getenv, home)
}

// defaultPath is DefaultPath with its inputs passed in, for tests.
func defaultPath(goos string, getenv func(string) string, home string) (string, error) {
	// The XDG spec says to ignore a relative XDG_DATA_HOME.
	if dir := getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "optout", "optout.db"), nil
	}
	var base string
	switch goos {
	case "windows":
		base = getenv("LocalAppData")
	case "darwin", "ios":
		if home != "" {
			base = filepath.Join(home, "Library", "Application Support")
		}
	default:
		if home != "" {
			base = filepath.Join(home, ".local", "share")
		}
	}
	if base == "" {
		return "", errors.New("cannot find a per-user data directory (no home directory) — set " + EnvDB + " to the data file's path")
	}
	return filepath.Join(base, "optout", "optout.db"), nil
}

// ResolvePath picks the data file: the --db flag's value if given, else
// $OPTOUT_DB, else DefaultPath. The result is absolute, so that messages
// naming it are unambiguous. getenv reads the environment.
func ResolvePath(flagValue string, getenv func(string) string) (string, error) {
	p := flagValue
	if p == "" {
		p = getenv(EnvDB)
	}
	if p == "" {
		return DefaultPath(getenv)
	}
	return filepath.Abs(p)
}

// backupPath is where Backup writes its copy of path.
func backupPath(path string) string {
	return path + ".bak"
}

// upgradeCopyPath is where Open copies path before upgrading it from
// schema version from.
func upgradeCopyPath(path string, from int) string {
	return fmt.Sprintf("%s.v%d.bak", path, from)
}
