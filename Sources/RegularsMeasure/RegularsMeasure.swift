// The RegularsMeasure module; see ARCHITECTURE.md for what it owns.
