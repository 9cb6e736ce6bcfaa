// The RegularsRecommend module; see ARCHITECTURE.md for what it owns.
