package cli

import "testing"

// TestColor: --color decides, then NO_COLOR, then CLICOLOR_FORCE and
// FORCE_COLOR, then whether output is a terminal (TERM=dumb is not).
func TestColor(t *testing.T) {
	tests := []struct {
		name     string
		mode     string
		terminal bool
		env      map[string]string
		want     bool
	}{
		{name: "terminal", terminal: true, want: true},
		{name: "auto is empty", mode: "auto", terminal: true, want: true},
		{name: "piped", want: false},
		{name: "dumb terminal", terminal: true, env: map[string]string{"TERM": "dumb"}, want: false},
		{name: "NO_COLOR", terminal: true, env: map[string]string{"NO_COLOR": "1"}, want: false},
		{name: "FORCE_COLOR piped", env: map[string]string{"FORCE_COLOR": "1"}, want: true},
		{name: "FORCE_COLOR=0", env: map[string]string{"FORCE_COLOR": "0"}, want: false},
		{name: "FORCE_COLOR=false", env: map[string]string{"FORCE_COLOR": "false"}, want: false},
		{name: "FORCE_COLOR dumb terminal", terminal: true, env: map[string]string{"FORCE_COLOR": "3", "TERM": "dumb"}, want: true},
		{name: "CLICOLOR_FORCE piped", env: map[string]string{"CLICOLOR_FORCE": "1"}, want: true},
		{name: "CLICOLOR_FORCE=0", env: map[string]string{"CLICOLOR_FORCE": "0"}, want: false},
		{name: "NO_COLOR beats FORCE_COLOR", env: map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, want: false},
		{name: "always piped", mode: "always", want: true},
		{name: "always beats NO_COLOR", mode: "always", env: map[string]string{"NO_COLOR": "1"}, want: true},
		{name: "never on a terminal", mode: "never", terminal: true, want: false},
		{name: "never beats FORCE_COLOR", mode: "never", env: map[string]string{"FORCE_COLOR": "1"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios := &IO{IsTerminal: tt.terminal, ColorMode: tt.mode, Getenv: func(k string) string { return tt.env[k] }}
			if got := ios.color(); got != tt.want {
				t.Errorf("color() = %v, want %v", got, tt.want)
			}
		})
	}
}
