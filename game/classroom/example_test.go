package classroom_test

import (
	"fmt"

	"github.com/longtail-case/longtail/game/classroom"
)

func ExampleParseAssignment() {
	_, err := classroom.ParseAssignment("week6.toml", []byte(`title = "Week 6"
[[chapter]]
number = 1
rounds = 12
[chapter.locked]
take_rate = 0.9
`))
	fmt.Println(err)
	// Output: week6.toml:6: chapter 1: locked: lever take_rate = 0.9 is outside its range [0, 0.7]
}

func ExampleAssignment_Seed() {
	a, _ := classroom.ParseAssignment("a.toml", []byte(`title = "Week 6"
base_seed = 42
per_student_seed = true
[[chapter]]
number = 1
`))
	fmt.Println(a.Seed("s001") == a.Seed(" S001"), a.Seed("s001") == a.Seed("s002"))
	// Output: true false
}

func ExampleEncodeLink() {
	param := classroom.EncodeLink([]byte("title = \"Week 6\"\n[[chapter]]\nnumber = 1\n"))
	data, err := classroom.DecodeLink(param)
	fmt.Printf("?a=%s\n%s%v\n", param, data, err)
	// Output:
	// ?a=KsksyUlVsFVQCk9NzVYwU-KKjk7OSCwoSS2KjeXKK81NSi1SsFUw5AIEAAD__w
	// title = "Week 6"
	// [[chapter]]
	// number = 1
	// <nil>
}
