// First version of the read stage: plain UTF-8 text files and standard input.
#include "read/reader.h"

#include "util/file.h"
#include "util/strings.h"

namespace claimgraph::read {

void read_inputs(const std::vector<std::string>& paths, const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error) {
    for (const std::string& path : paths) {
        auto contents = util::read_file(path);
        if (!contents) {
            on_error({path, contents.status().message()});
            continue;
        }
        if (!util::is_valid_utf8(*contents)) {
            on_error({path, "not valid UTF-8 text"});
            continue;
        }
        if (util::trim(*contents).empty()) {
            on_error({path, "empty file"});
            continue;
        }
        Article article;
        article.source = path;
        article.text = std::move(contents).value();
        on_article(std::move(article));
    }
}

}  // namespace claimgraph::read
