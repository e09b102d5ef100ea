#pragma once
// Typed daemon configuration, read from TOML. Every field has a default so that the
// embedded demo configuration and a minimal file both work.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/Output.hpp"

namespace lp::config {

// One [[output]]: its kind's own keys are read by the kind (audio/output/kinds/), into the
// spec the player makes the output from. time_zone is the daemon's, set when handed over.
using OutputConfig = audio::OutputSpec;

// [audio]: how the player shapes what it airs.
struct AudioConfig {
    // LUFS (EBU R128) every item is brought to. -16, the usual level for speech on small and
    // outdoor speakers and streams, matches items made for the loudspeakers (issue 10);
    // "off" in the file (unset here): no gain.
    std::optional<double> loudness_target = -16.0;
    int fade_ms = 15;  // fade-in and fade-out of every item
    int gap_ms = 0;    // silence between items of a programme
    bool operator==(const AudioConfig&) const = default;
};

struct SlotItemConfig {
    std::filesystem::path file;   // absolute after loading (resolved against media_dir)
    std::string title;            // defaults to the file name without extension
    std::string topic = "other";  // plan heading code a..n, dd, other
    std::string form = "other";   // tin, bai, phong_su, phong_van, toa_dam, thong_bao, am_nhac, other
    bool operator==(const SlotItemConfig&) const = default;
};

struct SlotConfig {
    std::string name;
    // Days of week the slot airs, 0 = Sunday ... 6 = Saturday (as std::chrono::weekday::c_encoding()).
    std::vector<unsigned> days{0, 1, 2, 3, 4, 5, 6};
    // Local time of day of the start (seconds since midnight). Ignored when `relative_start` is set.
    // `start` is required in the file; a slot also needs at least one item.
    std::chrono::seconds start_of_day{0};
    // Set when the config says start = "+90s": one airing that many seconds after the daemon
    // starts (for the demo and for end-to-end tests), instead of a daily time.
    std::optional<std::chrono::seconds> relative_start;
    std::chrono::seconds max_length{std::chrono::minutes(60)};
    std::vector<std::string> outputs;  // empty = all outputs
    std::vector<SlotItemConfig> items;
    bool operator==(const SlotConfig&) const = default;
};

struct Organisation {
    std::string parent_body = "UBND PHƯỜNG AN HẢI";
    std::string issuing_body = "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG";
    std::string place = "An Hải";
    std::string preparer_title = "NGƯỜI LẬP BIỂU";
    std::string head_title = "GIÁM ĐỐC";
    // Nghị định 30/2020: the names under the signatures, the report's symbol after its number
    // ("Số: 12/BC-TTDVSNC") and who receives it ("Nơi nhận", ';'-separated).
    std::string preparer_name = "";
    std::string head_name = "";
    std::string document_symbol = "BC-TTDVSNC";
    std::string recipients = "UBND phường An Hải; Lưu: VT";
    bool operator==(const Organisation&) const = default;
};

// Periodic report files (quarter, half year, year), written by the daemon on `day` of each
// period's last month — before the 8th, when the reports are due.
struct ReportsConfig {
    std::filesystem::path dir = "var/reports";  // absolute after loading
    unsigned day = 1;                           // 1..7
    std::vector<std::string> formats{"xlsx", "pdf", "csv", "json"};
    // The Ed25519 key that signs checkpoints and report files (made at first use, mode 0600;
    // the public key beside it with ".pub"), and the file every checkpoint is appended to.
    std::filesystem::path signing_key = "var/signing.key";          // absolute after loading
    std::filesystem::path checkpoint_file = "var/checkpoints.log";  // absolute after loading
    bool operator==(const ReportsConfig&) const = default;
};

// Daily online backups of the database, the newest `keep` kept.
struct BackupConfig {
    std::filesystem::path dir = "var/backups";             // absolute after loading
    std::chrono::seconds time_of_day{2 * 3600 + 30 * 60};  // local time, 02:30
    int keep = 14;                                         // 0 = no daily backups
    bool operator==(const BackupConfig&) const = default;
};

// [alarm]: an output that should be playing but has been silent (peak below silence_dbfs) or
// failing for dead_air raises the dead-air alarm (logged at error level, in status and metrics).
struct AlarmConfig {
    std::chrono::seconds dead_air{30};
    double silence_dbfs = -60.0;
};

// [live]: live sources (tiếp sóng, trực tiếp) and `loaphuong live start`.
struct LiveConfig {
    // The ALSA capture device `--source mic` means ("default", "hw:1,0", a PCM of asound.conf).
    std::string capture_device = "default";
    // The longest a `live start` airs without a `live stop` (the scheduler's planned length).
    std::chrono::seconds max_length{std::chrono::hours(1)};
    // To connect and probe a source; a source that takes longer is down and retried.
    std::chrono::seconds open_timeout{5};
    // No data for this long while connected: the source is down (reconnect).
    std::chrono::seconds stall_timeout{3};
    // Between one failed attempt and the next.
    std::chrono::seconds retry_interval{2};
    bool operator==(const LiveConfig&) const = default;
};

// [http]: the web page and the API (issue 11). A listen address other than loopback needs TLS.
struct HttpConfig {
    bool enabled = true;
    std::string host = "127.0.0.1";
    int port = 8480;
    std::filesystem::path tls_cert;  // both set: HTTPS (absolute after loading)
    std::filesystem::path tls_key;
    int upload_limit_mb = 300;
    std::filesystem::path assets_dir;  // empty: the build's compiled-in web/ folder
    bool emergency_needs_approver = false;
    // The bearer token `loaphuong` sends to the running daemon (mode 0640 root:loaphuong).
    std::filesystem::path cli_token_file = "/etc/loaphuong/cli.token";
};

// [public]: the residents' listen-again side (issue 13) on its own listener; off unless the
// table is in the file. Read-only pages, audio, a podcast feed and QR codes: no login, nothing
// of the operator's API. Plain HTTP is allowed here (no password crosses it).
struct PublicConfig {
    bool enabled = false;
    std::string host = "0.0.0.0";
    int port = 8481;
    int weeks = 8;                // items aired in the last `weeks` weeks are listed
    std::string base_url;         // what residents' phones open ("https://nghelai.anhai.vn"), no trailing '/'
    int feedback_per_hour = 200;  // all visitors together; beyond it the form answers 429
    bool operator==(const PublicConfig&) const = default;
};

struct Config {
    std::filesystem::path source;  // file it was read from, or "<embedded>"
    // Both absolute after loading (relative ones resolve against the config file's folder).
    std::filesystem::path database = "var/loaphuong.db";
    std::filesystem::path media_dir = "var/media";
    std::string time_zone = "Asia/Ho_Chi_Minh";
    std::string log_level = "info";  // trace, debug, info, warn, error
    // A start passed by at most this much (the daemon was down, the clock jumped) still airs,
    // late; a programme a crash or power cut interrupted resumes after a restart within it.
    std::chrono::seconds grace{std::chrono::minutes(5)};
    Organisation organisation;
    AudioConfig audio;
    ReportsConfig reports;
    BackupConfig backup;
    AlarmConfig alarm;
    LiveConfig live;
    HttpConfig http;
    PublicConfig publik;  // [public] ("public" is a keyword in C++)
    std::vector<OutputConfig> outputs;
    std::vector<SlotConfig> slots;
};

}  // namespace lp::config
