//! Lesson 06 (in progress).
