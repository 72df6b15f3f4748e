#include "rules/uv/locked_sdists.hpp"

namespace pysec {

std::vector<SdistOnlyPackage> sdist_only_packages(const Document& lock) {
    std::vector<SdistOnlyPackage> result;
    const Node* root = lock.root();
    if (!root || !root->is_mapping()) return result;
    const Node* packages = root->get("package");
    if (!packages) packages = root->get("distribution");
    if (!packages || !packages->is_sequence()) return result;
    for (const Node* package : packages->items) {
        if (!package->is_mapping() || !package->get("sdist")) continue;
        const Node* wheels = package->get("wheels");
        if (wheels && (!wheels->is_sequence() || !wheels->items.empty())) continue;
        const Node* name = package->get("name");
        if (!name || !name->is_scalar()) continue;
        result.push_back(SdistOnlyPackage{name->value, package, name});
    }
    return result;
}

}  // namespace pysec
