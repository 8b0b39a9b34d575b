#pragma once
// Turning a checked config into the app's dependencies: policy, holidays, catalogs,
// kiosk identity, store, speaker. Any failure is a ConfigError naming the file
// and key, so tellus-kiosk can print one clear line and exit with status 2.
#include <memory>

#include "kiosk/app/config.h"
#include "kiosk/app/kiosk_app.h"

namespace tellus {

// `speaker` may be null: then MakeSilentSpeaker(). Throws ConfigError.
AppDeps LoadAppDeps(const KioskConfig& config, std::unique_ptr<Speaker> speaker);

}  // namespace tellus
