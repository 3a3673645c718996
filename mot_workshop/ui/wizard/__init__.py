"""The eight-step redesign wizard: a navigator dock and one page per step."""
