#pragma once
// The `pysec` command line: scan, rules, action, --version.

namespace pysec {

int run_cli(int argc, char** argv);

}  // namespace pysec
