//! Cross-lesson checks live in tests/.
