#pragma once
// A small scan result for report tests: one workflow, scanned for real.

#include "repo/filesystem_sources.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

namespace pysec::test {

inline ScanResult scan_text(const TempDir& directory, const std::string& relative, const std::string& text,
                            ScanOptions options = {}) {
    directory.write(relative, text);
    FileSystemSource source(directory.path());
    options.use_config = false;
    return scan_source(source, options);
}

}  // namespace pysec::test
