"""One loader per area of the demo, each a module with `seed() -> int` (how many objects it created),
run in order by `seed_demo`."""
