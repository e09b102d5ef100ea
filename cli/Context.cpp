#include "cli/Context.hpp"

#include "cli/OperatorError.hpp"
#include "config/Load.hpp"
#include "db/Store.hpp"

namespace lp::cli {

void Context::load() { config = config_file.empty() ? config::embedded_default() : config::load_file(config_file); }

sqlite::Database Context::open_database() const {
    if (!std::filesystem::exists(config.database))
        throw OperatorError("Không tìm thấy cơ sở dữ liệu \"" + config.database.string() +
                            "\". Hãy chạy loaphuongd trước, hoặc chỉ định --config.");
    return db::open_store(config.database);
}

}  // namespace lp::cli
