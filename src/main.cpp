#include "cli/cli.hpp"

int main(int argc, char** argv) { return pysec::run_cli(argc, argv); }
