#pragma once
// Repositories keep lock and requirement files that are not theirs to
// install: inputs of their own tests (a parser's fixtures, a lock with hashes
// missing on purpose) and project templates.  The lockfile rules judge those
// only where CI installs them.

#include <string_view>

namespace pysec {

// A directory of the path is named `test`, `tests`, `testing`, `test-data`,
// `testdata`, `test_data` or `fixtures`, or the path holds a template
// placeholder (`{{`).
bool in_test_data_directory(std::string_view path);

// The same, and also `examples`, `example`, `samples` and `templates`:
// projects that show how, not projects of the repository.
bool in_test_or_example_directory(std::string_view path);

}  // namespace pysec
