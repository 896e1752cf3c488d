"""HTTP routes, one module per resource. Routes stay thin: checks in validation, writes in filing."""
