package main

import (
	"fmt"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
)

// chapters returns the case's chapters that declare a scenario, in order.
func chapters() ([]chapter, error) {
	docs, err := markdown.Load(content.Files)
	if err != nil {
		return nil, fmt.Errorf("chapters: %w", err)
	}
	var out []chapter
	for _, d := range docs {
		if d.Setup != nil {
			out = append(out, chapter{num: d.Number, slug: d.Slug, setup: *d.Setup})
		}
	}
	return out, nil
}
