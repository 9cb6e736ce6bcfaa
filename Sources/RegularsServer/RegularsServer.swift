// The RegularsServer module: the JSON API, API keys, events, widget and dashboard (see ARCHITECTURE.md).
