"""The newsbrief terminal app and command line."""
