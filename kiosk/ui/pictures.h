#pragma once
// Pictogram textures. The widget layer asks for a pictogram by id; the platform
// (GL) installs a loader that turns a PNG into a texture. With no loader (the
// headless tests) nothing is drawn and the space is still reserved.
#include <functional>
#include <string>

namespace tellus::ui {

struct Picture {
  void* texture = nullptr;                         // ImTextureID; null: nothing to draw
  int width = 0, height = 0;
};

// Loads a PNG file into a texture; returns a Picture with a null texture on failure.
using TextureLoader = std::function<Picture(const std::string& path)>;
void SetTextureLoader(TextureLoader loader);
// For the current theme's variant (colour, or white line art on dark themes); cached.
Picture GetPicture(const std::string& id);
// The white line art whatever the theme (pictures on the dock's coloured face).
Picture GetWhitePicture(const std::string& id);
void ClearPictureCache();
// How many pictogram ids were asked for whose file was missing (screenshots check this).
int MissingPictureCount();

}  // namespace tellus::ui
