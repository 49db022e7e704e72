"""The Qt window: it shows and edits; every rule comes from core and services."""
