"""The sample workshop's content as bilingual data (Korean and English), one concept per
module: the workshop and its people, the MOT cycles, the process inventory, the maps of the
core process and its worksheets. ``sample.builder`` turns it into commands."""
