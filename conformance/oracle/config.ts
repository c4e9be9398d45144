/**
 * Oracle of the `config` group: the values the Keras 2 documentation gives for the
 * settings (accepted floatx values and image data formats, the defaults).
 */

/** The values `set_floatx` accepts. */
export const FLOATX_VALUES: readonly string[] = ['float16', 'float32', 'float64'];

/** The values `set_image_data_format` accepts. */
export const IMAGE_DATA_FORMATS: readonly string[] = ['channels_first', 'channels_last'];
