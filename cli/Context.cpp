#include "cli/Context.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/OperatorError.hpp"
#include "config/Load.hpp"
#include "db/Store.hpp"

namespace lp::cli {

void Context::load() {
    if (demo && !config_file.empty()) throw OperatorError("Chỉ dùng một trong hai: --demo hoặc --config.");
    if (demo) {
        config = config::embedded_default();
        std::cerr << "loaphuong: đang dùng cấu hình demo (cơ sở dữ liệu " << config.database.string() << ")\n";
        return;
    }
    std::string file = config_file;
    if (file.empty())
        if (const char* env = std::getenv("LOAPHUONG_CONFIG"); env && *env) file = env;
    if (file.empty() && std::filesystem::exists(default_config_file)) file = default_config_file;
    if (file.empty())
        throw OperatorError(std::string("Không tìm thấy tệp cấu hình ") + default_config_file +
                            ". Chỉ định tệp bằng --config TỆP (hoặc biến môi trường LOAPHUONG_CONFIG), "
                            "hoặc thêm --demo để dùng cấu hình demo.");
    if (!std::filesystem::exists(file)) throw OperatorError("Không tìm thấy tệp cấu hình \"" + file + "\".");
    config = config::load_file(file);
}

sqlite::Database Context::open_database() const {
    if (!std::filesystem::exists(config.database))
        throw OperatorError("Không tìm thấy cơ sở dữ liệu \"" + config.database.string() +
                            "\". Hãy chạy loaphuongd trước, hoặc kiểm tra tệp cấu hình.");
    return db::open_store(config.database);
}

sqlite::Database Context::open_or_create_database() const {
    if (std::filesystem::exists(config.database)) return db::open_store(config.database);
    const auto folder = config.database.parent_path();
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0)
        throw OperatorError("Không tìm thấy thư mục \"" + folder.string() + "\" để tạo cơ sở dữ liệu \"" +
                            config.database.string() + "\". Hãy kiểm tra tệp cấu hình.");
    {
        auto created = db::open_store(config.database);  // made and migrated; closed here
    }
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        const auto file = config.database.string() + suffix;
        if (std::filesystem::exists(file) && ::chown(file.c_str(), st.st_uid, st.st_gid) != 0 && ::geteuid() == 0)
            throw OperatorError("Không đổi được chủ sở hữu của \"" + file + "\": " + std::strerror(errno));
    }
    std::cerr << "Đã tạo cơ sở dữ liệu mới \"" << config.database.string() << "\".\n";
    return db::open_store(config.database);
}

}  // namespace lp::cli
