// Package scene is what the game's screens share: the Scene interface,
// the context Ctx every scene sees on every tick, the student's run
// (autosave, sessions, chapters, the submission) and the goals' labels.
// Every metric and lever value a screen writes goes through c.Present(),
// the catalog's present.Formatter. It imports ebiten (a Scene draws), the
// widget toolkit and the pure packages (content, game/play, game/save,
// game/classroom, game/page, game/present), never a screen's package.
//
// Scenes change screens by returning the next Scene from Update. They
// build it through c.Open (an Opener the shell implements), so that no
// screen's package imports another's: the round screen opens the results
// with c.Open.Results(sess, doc), the results the next chapter through
// OpenChapter, the pause menu the title with c.Open.Title(0).
//
// Session hooks: after every sess.Step call c.RoundPlayed(sess), which
// records the round and autosaves; after every sess.Set call
// c.LeverChanged(sess). c.Sandbox is true in the sandbox (nothing is
// saved) and c.Current is the session being played. A scene may implement
// PageStater to publish more than its name to the web page.
package scene
