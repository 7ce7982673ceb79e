/**
 * Whether this browser draws WebGL in software: a PC whose GPU is blocklisted or virtual
 * (SwiftShader, llvmpipe, Microsoft's Basic Render Driver), as on many meeting-room and remote
 * desktops. There, every vertex and every sample is CPU time, so the map spends it differently:
 * - no multisampling on the map's canvas: it was the largest cost of the first map, 4.1 s with it
 *   and 2.9 s without, against 3.0 s for a bare page (bench/README.md);
 * - only the shown periods' flows are uploaded (see BaseMap): with every period on the GPU, each
 *   frame runs the flow shaders over every period's flows, and a frame cost about 5× as much.
 * Browsers do not report software rendering as a "major performance caveat" reliably, so the
 * renderer's name decides, asked once of a throwaway context.
 */
let software: boolean | undefined;

export function rendersInSoftware(): boolean {
  if (software === undefined) {
    // The leanest context that answers: no buffers beyond colour, so it costs the least to make.
    const gl = document.createElement('canvas').getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      powerPreference: 'low-power',
    });
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    software = /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return software;
}
