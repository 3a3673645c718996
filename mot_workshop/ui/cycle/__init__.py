"""The MOT cycle editor: the ring scene, the journey view, the palette and the summary."""
