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
    // One workflow is not a whole project: the rules about update bots have nothing to say about it.
    // (A root-level .yml file is not a collected file.)
    if (!options.config_file) {
        options.config_file = directory.write("pysec-report-test.yml",
                                              "rules:\n  no-update-bot: {disable: true}\n  dependabot-coverage: {disable: true}\n");
    }
    return scan_source(source, options);
}

}  // namespace pysec::test
