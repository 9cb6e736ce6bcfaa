// The RegularsSegments module; see ARCHITECTURE.md for what it owns.
