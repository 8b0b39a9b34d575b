#include "kiosk/ui/pictures.h"

#include <filesystem>
#include <map>

#include "easyread/pictograms.h"
#include "kiosk/ui/a11y.h"

namespace tellus::ui {
namespace {

struct Cache {
  TextureLoader loader;
  std::map<std::string, Picture> pictures;         // by file path
  int missing = 0;
};

Cache& TheCache() {
  static Cache cache;
  return cache;
}

}  // namespace

void SetTextureLoader(TextureLoader loader) {
  TheCache().loader = std::move(loader);
  TheCache().pictures.clear();
}

namespace {

Picture Load(const std::string& id, PictogramStyle style) {
  Cache& cache = TheCache();
  const Settings& settings = CurrentSettings();
  if (id.empty() || settings.pictogram_dir.empty()) return {};
  const std::string path = PictogramFile(settings.pictogram_dir, id, style);
  auto found = cache.pictures.find(path);
  if (found != cache.pictures.end()) return found->second;
  Picture picture;
  if (!std::filesystem::is_regular_file(path)) {
    ++cache.missing;
  } else if (cache.loader) {
    picture = cache.loader(path);
  }
  cache.pictures[path] = picture;
  return picture;
}

}  // namespace

Picture GetPicture(const std::string& id) {
  return Load(id, CurrentTheme().dark ? PictogramStyle::kWhiteLine : PictogramStyle::kColour);
}

Picture GetWhitePicture(const std::string& id) { return Load(id, PictogramStyle::kWhiteLine); }

void ClearPictureCache() { TheCache().pictures.clear(); }
int MissingPictureCount() { return TheCache().missing; }

}  // namespace tellus::ui
