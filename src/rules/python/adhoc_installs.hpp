#pragma once
// Named packages installed outside a lockfile by other ecosystems' package
// managers: `npm install -g pkg`, `yarn add pkg`, `pnpm add pkg`,
// `bun add pkg`, `gem install pkg`, `cargo install crate`, `go install
// mod@latest`.  (The Python equivalents are unhashed-pip-install's business.)

#include <optional>
#include <string>
#include <vector>

#include "shell/invocation.hpp"

namespace pysec {

struct AdhocInstall {
    std::string manager;                      // "npm install", "gem install", ...
    std::vector<const shell::Word*> packages; // the named packages, as written
    bool self_update = false;                 // only the manager itself (`npm install -g npm`)
};

std::optional<AdhocInstall> adhoc_install(const shell::Invocation& invocation);

}  // namespace pysec
