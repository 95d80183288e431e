//go:build xvfb

package widget

import (
	"testing"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/internal/ebitentest"
	"github.com/longtail-case/longtail/game/save"
)

func TestMain(m *testing.M) { ebitentest.Main(m) }

// newFrame returns a frame on a 1280 × 800 screen at scale 1.
func newFrame(t *testing.T) *Frame {
	t.Helper()
	cat, err := i18n.New("en")
	if err != nil {
		t.Fatal(err)
	}
	u, err := NewUI(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := save.DefaultSettings()
	u.SetScale(1, st.TextScale)
	return &Frame{In: &Intents{}, W: 1280, H: 800, Scale: 1, UI: u, Settings: &st}
}

// TestTextFieldInputMethod: a focused field asks for typed text (Typing,
// with the caret where the input method's window goes), shows what is
// being composed after its value without storing it, and takes the
// committed text as runes; an unfocused one asks for nothing.
func TestTextFieldInputMethod(t *testing.T) {
	f := newFrame(t)
	tf := &TextField{Multiline: true, R: Rect{X: 100, Y: 100, W: 400, H: 200}}

	tf.Update(f, false)
	if f.Typing {
		t.Fatal("an unfocused field asked for text")
	}

	*f.In = Intents{Composing: "wei"}
	tf.Update(f, true)
	if !f.Typing {
		t.Fatal("a focused field did not ask for text")
	}
	if got := tf.Text(); got != "" {
		t.Fatalf("composing text was stored: %q", got)
	}
	if len(tf.Lines) != 1 || tf.Lines[0].Text() != "wei" {
		t.Fatalf("composing text not shown: %+v", tf.Lines)
	}
	box := tf.box(f.UI)
	if c := f.Caret; !box.Contains(c.X, c.Y) || c.X <= box.X+f.DP(10) {
		t.Fatalf("caret %+v not after the composed text inside %+v", c, box)
	}

	f.Typing = false
	*f.In = Intents{Runes: []rune("微信")}
	if !tf.Update(f, true) {
		t.Fatal("committed text did not change the field")
	}
	if got := tf.Text(); got != "微信" {
		t.Fatalf("text = %q, want 微信", got)
	}
	if len(tf.Lines) != 1 || tf.Lines[0].Text() != "微信" {
		t.Fatalf("lines = %+v", tf.Lines)
	}
}
