// The RegularsMeasure module; ARCHITECTURE.md, "Targets", says what it holds and may import.
