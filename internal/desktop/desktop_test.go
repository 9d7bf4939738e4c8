package desktop

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestOpenCommandPerSystem(t *testing.T) {
	t.Parallel()
	const link = "https://example.org/a?b=1&c=^2"
	tests := []struct {
		goos string
		env  map[string]string
		want string
		err  error
	}{
		{"darwin", nil, "open", nil},
		{"windows", nil, "rundll32", nil},
		{"linux", map[string]string{"DISPLAY": ":0"}, "xdg-open", nil},
		{"linux", map[string]string{"BROWSER": "w3m"}, "xdg-open", nil},
		{"linux", nil, "", ErrNoBrowser},
		{"freebsd", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, "xdg-open", nil},
	}
	for _, tt := range tests {
		name, args, err := openCommand(tt.goos, envOf(tt.env), link)
		if name != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s %v: got %q, %v; want %q, %v", tt.goos, tt.env, name, err, tt.want, tt.err)
		}
		// The link is one argument, never passed through a shell.
		if err == nil && args[len(args)-1] != link {
			t.Errorf("%s: the link is not passed whole: %q", tt.goos, args)
		}
	}
}

func TestOpenerRefusesWhatIsNotHTTPS(t *testing.T) {
	t.Parallel()
	open := Opener(envOf(nil))
	for _, link := range []string{"http://example.org", "file:///etc/passwd", "https://exa mple.org", "javascript:alert(1)", "https://"} {
		if err := open(link); err == nil || errors.Is(err, ErrNoBrowser) {
			t.Errorf("Opener(%q) = %v, want a refusal", link, err)
		}
	}
}

func TestOwnDesktop(t *testing.T) {
	t.Parallel()
	tests := []struct {
		goos string
		env  map[string]string
		want bool
	}{
		{"darwin", nil, true},
		{"windows", nil, true},
		{"darwin", map[string]string{"SSH_CONNECTION": "1 2 3 4"}, false},
		{"linux", nil, false},
		{"linux", map[string]string{"DISPLAY": ":0"}, true},
		{"linux", map[string]string{"DISPLAY": ":0", "SSH_TTY": "/dev/pts/1"}, false},
	}
	for _, tt := range tests {
		if got := ownDesktop(tt.goos, envOf(tt.env)); got != tt.want {
			t.Errorf("ownDesktop(%s, %v) = %v, want %v", tt.goos, tt.env, got, tt.want)
		}
	}
}

func TestOSC52CarriesTheTextWhole(t *testing.T) {
	t.Parallel()
	text := "line one\nligne deux é\n"
	seq := OSC52(text)
	payload := strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b]52;c;"), "\x07")
	got, err := base64.StdEncoding.DecodeString(payload)
	if err != nil || string(got) != text {
		t.Errorf("OSC52 payload = %q, %v; want %q", got, err, text)
	}
}
