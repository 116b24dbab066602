//! Claims: one normalized fact each, with its frame, roles, value and polarity.
