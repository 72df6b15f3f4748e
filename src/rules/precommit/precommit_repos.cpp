#include "rules/precommit/precommit_repos.hpp"

namespace pysec {

void for_each_remote_precommit_repo(const Project& project, const std::function<void(const PrecommitRepo&)>& visit) {
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::PreCommit || !file.document || file.failure) continue;
        const Node* root = file.document->root();
        const Node* repos = root && root->is_mapping() ? root->get("repos") : nullptr;
        if (!repos || !repos->is_sequence()) continue;
        for (const Node* entry : repos->items) {
            const Node* repo = entry->is_mapping() ? entry->get("repo") : nullptr;
            if (!repo || !repo->is_scalar() || repo->value == "local" || repo->value == "meta") continue;
            visit(PrecommitRepo{*file.document, *entry, *repo});
        }
    }
}

}  // namespace pysec
