"""Small reusable widgets: date fields, warning banners, drop targets for files."""
