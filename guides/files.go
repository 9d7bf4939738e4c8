package guides

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/optout/optout/model"
)

// maxFile is the largest guide file, in bytes. The longest shipped file
// is a tenth of it; a bigger one is a mistake or an attack (a pack
// linking /dev/zero, a 50 MB body that takes a minute to render).
const maxFile = 256 << 10

// maxLinks is how many symbolic links one path may pass through.
const maxLinks = 40

// ParseDir reads the guide tree in the directory dir, as Parse does, with
// the guarantees a pack from anyone needs: only regular files are read, at
// most maxFile bytes of each, and no symbolic link leads outside dir.
func ParseDir(dir string) (*model.Catalog, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return Parse(root.FS())
}

// readFile reads a guide file: a regular file (after any symbolic links,
// none of which may leave fsys) of at most maxFile bytes. It never opens
// anything else, since opening a FIFO blocks and a device never ends.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", plainError(err))
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if err := staysInside(fsys, name); err != nil {
			return nil, err
		}
		if info, err = fs.Stat(fsys, name); err != nil {
			return nil, fmt.Errorf("cannot read: %w", plainError(err))
		}
	}
	if err := checkRegular(info); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", plainError(err))
	}
	defer f.Close()
	// Check again on the open file, in case it was swapped since; and
	// never trust the size: read at most one byte more than allowed.
	if info, err := f.Stat(); err == nil {
		if err := checkRegular(info); err != nil {
			return nil, err
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", plainError(err))
	}
	if len(data) > maxFile {
		return nil, errTooLarge
	}
	return data, nil
}

// errTooLarge is the problem with a file over maxFile.
var errTooLarge = fmt.Errorf("the file is larger than %d KiB, the limit for a guide file: shorten it or split it into steps", maxFile>>10)

// checkRegular reports a file that is not a regular file, or too large.
func checkRegular(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsDir():
		return errors.New("a folder where a guide file should be (a link to a folder?): guide files must be plain files")
	case !m.IsRegular():
		return fmt.Errorf("not a regular file (%s): guide files must be plain files, so it is not read", kind(m))
	case info.Size() > maxFile:
		return errTooLarge
	}
	return nil
}

// kind names a non-regular file type for a message.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// staysInside follows the symbolic links on the way to name, as the
// system would, and reports an error if one is absolute or climbs out of
// fsys (ParseDir's os.Root refuses those too; this says why).
func staysInside(fsys fs.FS, name string) error {
	outside := fmt.Errorf("a symbolic link that leads outside the guide folder: copy the file in instead")
	var done []string
	todo := strings.Split(name, "/")
	for links := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return outside
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(done, c)...)
		info, err := fs.Lstat(fsys, cur)
		if err != nil {
			return fmt.Errorf("a symbolic link to a file that cannot be read: %w", plainError(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, c)
			continue
		}
		if links++; links > maxLinks {
			return errors.New("a symbolic link in a loop of links")
		}
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return fmt.Errorf("a symbolic link that cannot be read: %w", plainError(err))
		}
		if path.IsAbs(target) || filepath.IsAbs(target) || filepath.VolumeName(target) != "" {
			return outside
		}
		todo = append(strings.Split(filepath.ToSlash(target), "/"), todo...)
	}
	return nil
}

// plainError drops the operation and path a *fs.PathError adds, since a
// problem already names the file.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
