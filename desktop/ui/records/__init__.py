"""Reports and recommendations: list views over the store and their detail editors."""
