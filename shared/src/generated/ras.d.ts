import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace ras. */
export namespace ras {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Condition.
         * @deprecated Use ras.v1.Condition.$Properties instead.
         */
        interface ICondition extends ras.v1.Condition.$Properties {
        }

        /** What to condition on: a class id, or a label the model card maps to one. */
        class Condition {

            /**
             * Constructs a new Condition.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Condition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Class id, 0-based (the card's null class id means unconditional). */
            classId: (number|null);

            /** A label the model card lists, for example "red circle". */
            label: (string|null);

            /** Condition kind. */
            kind?: ("classId"|"label");

            /**
             * Creates a new Condition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Condition instance
             */
            static create(properties: ras.v1.Condition.$Shape): ras.v1.Condition & ras.v1.Condition.$Shape;
            static create(properties?: ras.v1.Condition.$Properties): ras.v1.Condition;

            /**
             * Encodes the specified Condition message. Does not implicitly {@link ras.v1.Condition.verify|verify} messages.
             * @param message Condition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Condition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Condition message, length delimited. Does not implicitly {@link ras.v1.Condition.verify|verify} messages.
             * @param message Condition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Condition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Condition message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Condition & ras.v1.Condition.$Shape} Condition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Condition & ras.v1.Condition.$Shape;

            /**
             * Decodes a Condition message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Condition & ras.v1.Condition.$Shape} Condition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Condition & ras.v1.Condition.$Shape;

            /**
             * Verifies a Condition message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Condition message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Condition
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Condition;

            /**
             * Creates a plain object from a Condition message. Also converts values to other types if specified.
             * @param message Condition
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Condition, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Condition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Condition
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Condition {

            /** Properties of a Condition. */
            interface $Properties {

                /** Class id, 0-based (the card's null class id means unconditional). */
                classId?: (number|null);

                /** A label the model card lists, for example "red circle". */
                label?: (string|null);

                /** Condition kind */
                kind?: ("classId"|"label");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Condition. */
            type $Shape = {
              classId?: number|null;
              label?: string|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; classId?: null; label?: null }|{ kind?: "classId"; classId: number; label?: null }|{ kind?: "label"; classId?: null; label: string })
            );
        }

        /**
         * Properties of a RatioRamp.
         * @deprecated Use ras.v1.RatioRamp.$Properties instead.
         */
        interface IRatioRamp extends ras.v1.RatioRamp.$Properties {
        }

        /** A linear ramp of the sample ratio over the RAS steps. */
        class RatioRamp {

            /**
             * Constructs a new RatioRamp.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.RatioRamp.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ratio at the first RAS step, in (0, 1]. */
            from: number;

            /** Ratio at the last RAS step, in (0, 1]. */
            to: number;

            /**
             * Creates a new RatioRamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RatioRamp instance
             */
            static create(properties: ras.v1.RatioRamp.$Shape): ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape;
            static create(properties?: ras.v1.RatioRamp.$Properties): ras.v1.RatioRamp;

            /**
             * Encodes the specified RatioRamp message. Does not implicitly {@link ras.v1.RatioRamp.verify|verify} messages.
             * @param message RatioRamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.RatioRamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RatioRamp message, length delimited. Does not implicitly {@link ras.v1.RatioRamp.verify|verify} messages.
             * @param message RatioRamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.RatioRamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RatioRamp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape} RatioRamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape;

            /**
             * Decodes a RatioRamp message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape} RatioRamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape;

            /**
             * Verifies a RatioRamp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RatioRamp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RatioRamp
             */
            static fromObject(object: { [k: string]: any }): ras.v1.RatioRamp;

            /**
             * Creates a plain object from a RatioRamp message. Also converts values to other types if specified.
             * @param message RatioRamp
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.RatioRamp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RatioRamp to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RatioRamp
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RatioRamp {

            /** Properties of a RatioRamp. */
            interface $Properties {

                /** Ratio at the first RAS step, in (0, 1]. */
                from?: number;

                /** Ratio at the last RAS step, in (0, 1]. */
                to?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RatioRamp. */
            type $Shape = ras.v1.RatioRamp.$Properties;
        }

        /**
         * Properties of a StepList.
         * @deprecated Use ras.v1.StepList.$Properties instead.
         */
        interface IStepList extends ras.v1.StepList.$Properties {
        }

        /**
         * A list of step indices; wrapped so that "absent" (default schedule) and
         * "empty" (no such steps) differ.
         */
        class StepList {

            /**
             * Constructs a new StepList.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.StepList.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** 0-based step indices. */
            steps: number[];

            /**
             * Creates a new StepList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StepList instance
             */
            static create(properties: ras.v1.StepList.$Shape): ras.v1.StepList & ras.v1.StepList.$Shape;
            static create(properties?: ras.v1.StepList.$Properties): ras.v1.StepList;

            /**
             * Encodes the specified StepList message. Does not implicitly {@link ras.v1.StepList.verify|verify} messages.
             * @param message StepList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.StepList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StepList message, length delimited. Does not implicitly {@link ras.v1.StepList.verify|verify} messages.
             * @param message StepList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.StepList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StepList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.StepList & ras.v1.StepList.$Shape} StepList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.StepList & ras.v1.StepList.$Shape;

            /**
             * Decodes a StepList message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.StepList & ras.v1.StepList.$Shape} StepList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.StepList & ras.v1.StepList.$Shape;

            /**
             * Verifies a StepList message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StepList message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StepList
             */
            static fromObject(object: { [k: string]: any }): ras.v1.StepList;

            /**
             * Creates a plain object from a StepList message. Also converts values to other types if specified.
             * @param message StepList
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.StepList, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StepList to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StepList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StepList {

            /** Properties of a StepList. */
            interface $Properties {

                /** 0-based step indices. */
                steps?: number[];

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StepList. */
            type $Shape = ras.v1.StepList.$Properties;
        }

        /**
         * Properties of a RasSettings.
         * @deprecated Use ras.v1.RasSettings.$Properties instead.
         */
        interface IRasSettings extends ras.v1.RasSettings.$Properties {
        }

        /**
         * Region-Adaptive Sampling settings (DESIGN.md §3). Every field is optional;
         * an absent field takes the server's default.
         */
        class RasSettings {

            /**
             * Constructs a new RasSettings.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.RasSettings.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Selection policy by name: "std" (default), "l2norm", "random", or
             * "dense" (RAS off: every step runs every token).
             */
            policy: (string|null);

            /** Constant sample ratio r in (0, 1]; r = 1 equals dense sampling. */
            ratio: (number|null);

            /** Ratio ramping linearly over the RAS steps. */
            ramp: (ras.v1.RatioRamp|null);

            /**
             * Dense steps at the start (default: the paper's 4 of 28, scaled to steps).
             * 0 only when step 0 is a reset or the policy is "dense": a RAS step scores
             * tokens by the step before it.
             */
            warmup: (number|null);

            /** Dense error-reset steps (default: the paper's 12 and 20 of 28, scaled). */
            resets: ras.v1.StepList;

            /** k of the starvation term exp(k·c), c = steps since a token last ran (≥ 0). */
            starvationScale: (number|null);

            /**
             * Band h in [0, 1]: share of the dropped tokens taken from the high end of
             * the metric order (the rest from the low end). Default 1.
             */
            highRatio: (number|null);

            /** Hard bound: a token this many steps uncomputed runs next (≥ 1). */
            maxStale: (number|null);

            /** Share of tokens run on a RAS step: a constant, or a ramp. Default 0.5. */
            sampleRatio?: ("ratio"|"ramp");

            /**
             * Creates a new RasSettings instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RasSettings instance
             */
            static create(properties: ras.v1.RasSettings.$Shape): ras.v1.RasSettings & ras.v1.RasSettings.$Shape;
            static create(properties?: ras.v1.RasSettings.$Properties): ras.v1.RasSettings;

            /**
             * Encodes the specified RasSettings message. Does not implicitly {@link ras.v1.RasSettings.verify|verify} messages.
             * @param message RasSettings message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.RasSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RasSettings message, length delimited. Does not implicitly {@link ras.v1.RasSettings.verify|verify} messages.
             * @param message RasSettings message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.RasSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RasSettings message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.RasSettings & ras.v1.RasSettings.$Shape} RasSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.RasSettings & ras.v1.RasSettings.$Shape;

            /**
             * Decodes a RasSettings message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.RasSettings & ras.v1.RasSettings.$Shape} RasSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.RasSettings & ras.v1.RasSettings.$Shape;

            /**
             * Verifies a RasSettings message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RasSettings message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RasSettings
             */
            static fromObject(object: { [k: string]: any }): ras.v1.RasSettings;

            /**
             * Creates a plain object from a RasSettings message. Also converts values to other types if specified.
             * @param message RasSettings
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.RasSettings, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RasSettings to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RasSettings
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RasSettings {

            /** Properties of a RasSettings. */
            interface $Properties {

                /**
                 * Selection policy by name: "std" (default), "l2norm", "random", or
                 * "dense" (RAS off: every step runs every token).
                 */
                policy?: (string|null);

                /** Constant sample ratio r in (0, 1]; r = 1 equals dense sampling. */
                ratio?: (number|null);

                /** Ratio ramping linearly over the RAS steps. */
                ramp?: (ras.v1.RatioRamp.$Properties|null);

                /**
                 * Dense steps at the start (default: the paper's 4 of 28, scaled to steps).
                 * 0 only when step 0 is a reset or the policy is "dense": a RAS step scores
                 * tokens by the step before it.
                 */
                warmup?: (number|null);

                /** Dense error-reset steps (default: the paper's 12 and 20 of 28, scaled). */
                resets?: ras.v1.StepList.$Properties;

                /** k of the starvation term exp(k·c), c = steps since a token last ran (≥ 0). */
                starvationScale?: (number|null);

                /**
                 * Band h in [0, 1]: share of the dropped tokens taken from the high end of
                 * the metric order (the rest from the low end). Default 1.
                 */
                highRatio?: (number|null);

                /** Hard bound: a token this many steps uncomputed runs next (≥ 1). */
                maxStale?: (number|null);

                /** Share of tokens run on a RAS step: a constant, or a ramp. Default 0.5. */
                sampleRatio?: ("ratio"|"ramp");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a RasSettings. */
            type $Shape = {
              policy?: string|null;
              ratio?: number|null;
              ramp?: ras.v1.RatioRamp.$Shape|null;
              warmup?: number|null;
              resets?: ras.v1.StepList.$Shape;
              starvationScale?: number|null;
              highRatio?: number|null;
              maxStale?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ sampleRatio?: undefined; ratio?: null; ramp?: null }|{ sampleRatio?: "ratio"; ratio: number; ramp?: null }|{ sampleRatio?: "ramp"; ratio?: null; ramp: ras.v1.RatioRamp.$Shape })
            );
        }

        /** Image formats for previews. */
        enum PreviewFormat {

            /** Server default (PNG). */
            PREVIEW_FORMAT_UNSPECIFIED = 0,

            /** PREVIEW_FORMAT_PNG value */
            PREVIEW_FORMAT_PNG = 1,

            /** PREVIEW_FORMAT_JPEG value */
            PREVIEW_FORMAT_JPEG = 2
        }

        /**
         * Properties of a PreviewOptions.
         * @deprecated Use ras.v1.PreviewOptions.$Properties instead.
         */
        interface IPreviewOptions extends ras.v1.PreviewOptions.$Properties {
        }

        /** Progressive previews of the predicted clean image. */
        class PreviewOptions {

            /**
             * Constructs a new PreviewOptions.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.PreviewOptions.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** A preview every `every` steps; 0 (default) sends none. */
            every: number;

            /** Longest side of the preview image in pixels (default: full size). */
            maxSide: (number|null);

            /** Encoding of the preview image. */
            format: ras.v1.PreviewFormat;

            /**
             * Creates a new PreviewOptions instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PreviewOptions instance
             */
            static create(properties: ras.v1.PreviewOptions.$Shape): ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape;
            static create(properties?: ras.v1.PreviewOptions.$Properties): ras.v1.PreviewOptions;

            /**
             * Encodes the specified PreviewOptions message. Does not implicitly {@link ras.v1.PreviewOptions.verify|verify} messages.
             * @param message PreviewOptions message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.PreviewOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PreviewOptions message, length delimited. Does not implicitly {@link ras.v1.PreviewOptions.verify|verify} messages.
             * @param message PreviewOptions message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.PreviewOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PreviewOptions message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape} PreviewOptions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape;

            /**
             * Decodes a PreviewOptions message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape} PreviewOptions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape;

            /**
             * Verifies a PreviewOptions message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PreviewOptions message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PreviewOptions
             */
            static fromObject(object: { [k: string]: any }): ras.v1.PreviewOptions;

            /**
             * Creates a plain object from a PreviewOptions message. Also converts values to other types if specified.
             * @param message PreviewOptions
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.PreviewOptions, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PreviewOptions to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PreviewOptions
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PreviewOptions {

            /** Properties of a PreviewOptions. */
            interface $Properties {

                /** A preview every `every` steps; 0 (default) sends none. */
                every?: number;

                /** Longest side of the preview image in pixels (default: full size). */
                maxSide?: (number|null);

                /** Encoding of the preview image. */
                format?: ras.v1.PreviewFormat;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PreviewOptions. */
            type $Shape = ras.v1.PreviewOptions.$Properties;
        }

        /**
         * Properties of a GenerateRequest.
         * @deprecated Use ras.v1.GenerateRequest.$Properties instead.
         */
        interface IGenerateRequest extends ras.v1.GenerateRequest.$Properties {
        }

        /** Parameters of one generation; also the session's replayable recipe. */
        class GenerateRequest {

            /**
             * Constructs a new GenerateRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.GenerateRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Model name, as ListModels reports it. */
            model: string;

            /** The condition (required). */
            condition: ras.v1.Condition;

            /**
             * Negative / null condition for classifier-free guidance (default: the
             * card's null class).
             */
            negative: ras.v1.Condition;

            /**
             * Classifier-free guidance scale ≥ 0; 1 runs the conditional branch only
             * (default: the card's recommendation).
             */
            guidance: (number|null);

            /** Noise seed (default: chosen by the server; GetSession reports it). */
            seed: (number|null);

            /** Sampling steps (default: the card's recommendation). */
            steps: (number|null);

            /**
             * Image width in pixels, a multiple of the model's patch size within its
             * limits (default: the model's width; a present 0 is refused).
             */
            width: (number|null);

            /**
             * Image height in pixels, a multiple of the model's patch size within its
             * limits (default: the model's height; a present 0 is refused).
             */
            height: (number|null);

            /** RAS settings (default: the server's). */
            ras: ras.v1.RasSettings;

            /** Previews to stream (default: none). Not part of the recipe. */
            preview: ras.v1.PreviewOptions;

            /**
             * Creates a new GenerateRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GenerateRequest instance
             */
            static create(properties: ras.v1.GenerateRequest.$Shape): ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape;
            static create(properties?: ras.v1.GenerateRequest.$Properties): ras.v1.GenerateRequest;

            /**
             * Encodes the specified GenerateRequest message. Does not implicitly {@link ras.v1.GenerateRequest.verify|verify} messages.
             * @param message GenerateRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.GenerateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GenerateRequest message, length delimited. Does not implicitly {@link ras.v1.GenerateRequest.verify|verify} messages.
             * @param message GenerateRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.GenerateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GenerateRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape} GenerateRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape;

            /**
             * Decodes a GenerateRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape} GenerateRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape;

            /**
             * Verifies a GenerateRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GenerateRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GenerateRequest
             */
            static fromObject(object: { [k: string]: any }): ras.v1.GenerateRequest;

            /**
             * Creates a plain object from a GenerateRequest message. Also converts values to other types if specified.
             * @param message GenerateRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.GenerateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GenerateRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GenerateRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GenerateRequest {

            /** Properties of a GenerateRequest. */
            interface $Properties {

                /** Model name, as ListModels reports it. */
                model?: string;

                /** The condition (required). */
                condition?: ras.v1.Condition.$Properties;

                /**
                 * Negative / null condition for classifier-free guidance (default: the
                 * card's null class).
                 */
                negative?: ras.v1.Condition.$Properties;

                /**
                 * Classifier-free guidance scale ≥ 0; 1 runs the conditional branch only
                 * (default: the card's recommendation).
                 */
                guidance?: (number|null);

                /** Noise seed (default: chosen by the server; GetSession reports it). */
                seed?: (number|null);

                /** Sampling steps (default: the card's recommendation). */
                steps?: (number|null);

                /**
                 * Image width in pixels, a multiple of the model's patch size within its
                 * limits (default: the model's width; a present 0 is refused).
                 */
                width?: (number|null);

                /**
                 * Image height in pixels, a multiple of the model's patch size within its
                 * limits (default: the model's height; a present 0 is refused).
                 */
                height?: (number|null);

                /** RAS settings (default: the server's). */
                ras?: ras.v1.RasSettings.$Properties;

                /** Previews to stream (default: none). Not part of the recipe. */
                preview?: ras.v1.PreviewOptions.$Properties;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GenerateRequest. */
            type $Shape = {
              model?: string;
              condition?: ras.v1.Condition.$Shape;
              negative?: ras.v1.Condition.$Shape;
              guidance?: number|null;
              seed?: number|null;
              steps?: number|null;
              width?: number|null;
              height?: number|null;
              ras?: ras.v1.RasSettings.$Shape;
              preview?: ras.v1.PreviewOptions.$Shape;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Rect.
         * @deprecated Use ras.v1.Rect.$Properties instead.
         */
        interface IRect extends ras.v1.Rect.$Properties {
        }

        /** A pixel rectangle; the server snaps it to whole tokens and dilates it. */
        class Rect {

            /**
             * Constructs a new Rect.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Rect.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Left edge in pixels. */
            x: number;

            /** Top edge in pixels. */
            y: number;

            /** Width in pixels. */
            width: number;

            /** Height in pixels. */
            height: number;

            /**
             * Creates a new Rect instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Rect instance
             */
            static create(properties: ras.v1.Rect.$Shape): ras.v1.Rect & ras.v1.Rect.$Shape;
            static create(properties?: ras.v1.Rect.$Properties): ras.v1.Rect;

            /**
             * Encodes the specified Rect message. Does not implicitly {@link ras.v1.Rect.verify|verify} messages.
             * @param message Rect message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Rect.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Rect message, length delimited. Does not implicitly {@link ras.v1.Rect.verify|verify} messages.
             * @param message Rect message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Rect.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Rect message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Rect & ras.v1.Rect.$Shape} Rect
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Rect & ras.v1.Rect.$Shape;

            /**
             * Decodes a Rect message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Rect & ras.v1.Rect.$Shape} Rect
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Rect & ras.v1.Rect.$Shape;

            /**
             * Verifies a Rect message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Rect message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Rect
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Rect;

            /**
             * Creates a plain object from a Rect message. Also converts values to other types if specified.
             * @param message Rect
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Rect, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Rect to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Rect
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rect {

            /** Properties of a Rect. */
            interface $Properties {

                /** Left edge in pixels. */
                x?: number;

                /** Top edge in pixels. */
                y?: number;

                /** Width in pixels. */
                width?: number;

                /** Height in pixels. */
                height?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Rect. */
            type $Shape = ras.v1.Rect.$Properties;
        }

        /**
         * Properties of a Mask.
         * @deprecated Use ras.v1.Mask.$Properties instead.
         */
        interface IMask extends ras.v1.Mask.$Properties {
        }

        /** A region as a mask over the image. */
        class Mask {

            /**
             * Constructs a new Mask.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Mask.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Mask width in pixels (the image's width). */
            width: number;

            /** Mask height in pixels (the image's height). */
            height: number;

            /** width·height bytes, row-major; non-zero marks a pixel to edit. */
            data: Uint8Array;

            /**
             * Creates a new Mask instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Mask instance
             */
            static create(properties: ras.v1.Mask.$Shape): ras.v1.Mask & ras.v1.Mask.$Shape;
            static create(properties?: ras.v1.Mask.$Properties): ras.v1.Mask;

            /**
             * Encodes the specified Mask message. Does not implicitly {@link ras.v1.Mask.verify|verify} messages.
             * @param message Mask message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Mask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Mask message, length delimited. Does not implicitly {@link ras.v1.Mask.verify|verify} messages.
             * @param message Mask message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Mask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Mask message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Mask & ras.v1.Mask.$Shape} Mask
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Mask & ras.v1.Mask.$Shape;

            /**
             * Decodes a Mask message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Mask & ras.v1.Mask.$Shape} Mask
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Mask & ras.v1.Mask.$Shape;

            /**
             * Verifies a Mask message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Mask message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Mask
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Mask;

            /**
             * Creates a plain object from a Mask message. Also converts values to other types if specified.
             * @param message Mask
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Mask, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Mask to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Mask
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Mask {

            /** Properties of a Mask. */
            interface $Properties {

                /** Mask width in pixels (the image's width). */
                width?: number;

                /** Mask height in pixels (the image's height). */
                height?: number;

                /** width·height bytes, row-major; non-zero marks a pixel to edit. */
                data?: Uint8Array;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Mask. */
            type $Shape = ras.v1.Mask.$Properties;
        }

        /**
         * Properties of an EditRequest.
         * @deprecated Use ras.v1.EditRequest.$Properties instead.
         */
        interface IEditRequest extends ras.v1.EditRequest.$Properties {
        }

        /** Re-samples a region of a session's image. */
        class EditRequest {

            /**
             * Constructs a new EditRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.EditRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The session to edit (from a Result). */
            sessionId: string;

            /** Version to edit (default: the latest). */
            version: (number|null);

            /** The region as pixel rectangles (give rects or mask). */
            rects: ras.v1.Rect[];

            /** The region as a mask (give rects or mask). */
            mask: ras.v1.Mask;

            /** Dilation of the region in tokens (default 1). */
            margin: (number|null);

            /** New condition for the region (default: the recipe's). */
            condition: ras.v1.Condition;

            /** New noise seed for the region (default: the recipe's). */
            seed: (number|null);

            /** RAS settings inside the region (default: the recipe's). */
            ras: ras.v1.RasSettings;

            /** Previews to stream (default: none). */
            preview: ras.v1.PreviewOptions;

            /**
             * Re-homing: the `session_state` of the session's latest Result. A node
             * that does not hold the session adopts it from this state (recipe and the
             * chain of edits) and rebuilds the edited version by replay; a node that
             * holds it ignores this field. A state that is not this session's, not
             * signed by the fleet, or altered is refused (INVALID_ARGUMENT /
             * PERMISSION_DENIED) and nothing is stored.
             */
            restoreState: (Uint8Array|null);

            /**
             * Creates a new EditRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EditRequest instance
             */
            static create(properties: ras.v1.EditRequest.$Shape): ras.v1.EditRequest & ras.v1.EditRequest.$Shape;
            static create(properties?: ras.v1.EditRequest.$Properties): ras.v1.EditRequest;

            /**
             * Encodes the specified EditRequest message. Does not implicitly {@link ras.v1.EditRequest.verify|verify} messages.
             * @param message EditRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.EditRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EditRequest message, length delimited. Does not implicitly {@link ras.v1.EditRequest.verify|verify} messages.
             * @param message EditRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.EditRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EditRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.EditRequest & ras.v1.EditRequest.$Shape} EditRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.EditRequest & ras.v1.EditRequest.$Shape;

            /**
             * Decodes an EditRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.EditRequest & ras.v1.EditRequest.$Shape} EditRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.EditRequest & ras.v1.EditRequest.$Shape;

            /**
             * Verifies an EditRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EditRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EditRequest
             */
            static fromObject(object: { [k: string]: any }): ras.v1.EditRequest;

            /**
             * Creates a plain object from an EditRequest message. Also converts values to other types if specified.
             * @param message EditRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.EditRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EditRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EditRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EditRequest {

            /** Properties of an EditRequest. */
            interface $Properties {

                /** The session to edit (from a Result). */
                sessionId?: string;

                /** Version to edit (default: the latest). */
                version?: (number|null);

                /** The region as pixel rectangles (give rects or mask). */
                rects?: ras.v1.Rect.$Properties[];

                /** The region as a mask (give rects or mask). */
                mask?: ras.v1.Mask.$Properties;

                /** Dilation of the region in tokens (default 1). */
                margin?: (number|null);

                /** New condition for the region (default: the recipe's). */
                condition?: ras.v1.Condition.$Properties;

                /** New noise seed for the region (default: the recipe's). */
                seed?: (number|null);

                /** RAS settings inside the region (default: the recipe's). */
                ras?: ras.v1.RasSettings.$Properties;

                /** Previews to stream (default: none). */
                preview?: ras.v1.PreviewOptions.$Properties;

                /**
                 * Re-homing: the `session_state` of the session's latest Result. A node
                 * that does not hold the session adopts it from this state (recipe and the
                 * chain of edits) and rebuilds the edited version by replay; a node that
                 * holds it ignores this field. A state that is not this session's, not
                 * signed by the fleet, or altered is refused (INVALID_ARGUMENT /
                 * PERMISSION_DENIED) and nothing is stored.
                 */
                restoreState?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EditRequest. */
            type $Shape = {
              sessionId?: string;
              version?: number|null;
              rects?: ras.v1.Rect.$Shape[];
              mask?: ras.v1.Mask.$Shape;
              margin?: number|null;
              condition?: ras.v1.Condition.$Shape;
              seed?: number|null;
              ras?: ras.v1.RasSettings.$Shape;
              preview?: ras.v1.PreviewOptions.$Shape;
              restoreState?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an Event.
         * @deprecated Use ras.v1.Event.$Properties instead.
         */
        interface IEvent extends ras.v1.Event.$Properties {
        }

        /** One message of a Generate or Edit stream. */
        class Event {

            /**
             * Constructs a new Event.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Event.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The request waits for a sampling slot. */
            queued: (ras.v1.Queued|null);

            /** A step finished. */
            progress: (ras.v1.Progress|null);

            /** A preview of the predicted clean image. */
            preview: (ras.v1.Preview|null);

            /** The final image; always the last event of a successful stream. */
            result: (ras.v1.Result|null);

            /** Event kind. */
            kind?: ("queued"|"progress"|"preview"|"result");

            /**
             * Creates a new Event instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Event instance
             */
            static create(properties: ras.v1.Event.$Shape): ras.v1.Event & ras.v1.Event.$Shape;
            static create(properties?: ras.v1.Event.$Properties): ras.v1.Event;

            /**
             * Encodes the specified Event message. Does not implicitly {@link ras.v1.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Event message, length delimited. Does not implicitly {@link ras.v1.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Event & ras.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Event & ras.v1.Event.$Shape;

            /**
             * Decodes an Event message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Event & ras.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Event & ras.v1.Event.$Shape;

            /**
             * Verifies an Event message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Event
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Event;

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @param message Event
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Event to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Event
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Event {

            /** Properties of an Event. */
            interface $Properties {

                /** The request waits for a sampling slot. */
                queued?: (ras.v1.Queued.$Properties|null);

                /** A step finished. */
                progress?: (ras.v1.Progress.$Properties|null);

                /** A preview of the predicted clean image. */
                preview?: (ras.v1.Preview.$Properties|null);

                /** The final image; always the last event of a successful stream. */
                result?: (ras.v1.Result.$Properties|null);

                /** Event kind */
                kind?: ("queued"|"progress"|"preview"|"result");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Event. */
            type $Shape = {
              queued?: ras.v1.Queued.$Shape|null;
              progress?: ras.v1.Progress.$Shape|null;
              preview?: ras.v1.Preview.$Shape|null;
              result?: ras.v1.Result.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; queued?: null; progress?: null; preview?: null; result?: null }|{ kind?: "queued"; queued: ras.v1.Queued.$Shape; progress?: null; preview?: null; result?: null }|{ kind?: "progress"; queued?: null; progress: ras.v1.Progress.$Shape; preview?: null; result?: null }|{ kind?: "preview"; queued?: null; progress?: null; preview: ras.v1.Preview.$Shape; result?: null }|{ kind?: "result"; queued?: null; progress?: null; preview?: null; result: ras.v1.Result.$Shape })
            );
        }

        /**
         * Properties of a Queued.
         * @deprecated Use ras.v1.Queued.$Properties instead.
         */
        interface IQueued extends ras.v1.Queued.$Properties {
        }

        /** The request is queued behind others. */
        class Queued {

            /**
             * Constructs a new Queued.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Queued.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Requests ahead of this one (0: next). */
            position: number;

            /**
             * Creates a new Queued instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Queued instance
             */
            static create(properties: ras.v1.Queued.$Shape): ras.v1.Queued & ras.v1.Queued.$Shape;
            static create(properties?: ras.v1.Queued.$Properties): ras.v1.Queued;

            /**
             * Encodes the specified Queued message. Does not implicitly {@link ras.v1.Queued.verify|verify} messages.
             * @param message Queued message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Queued.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Queued message, length delimited. Does not implicitly {@link ras.v1.Queued.verify|verify} messages.
             * @param message Queued message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Queued.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Queued message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Queued & ras.v1.Queued.$Shape} Queued
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Queued & ras.v1.Queued.$Shape;

            /**
             * Decodes a Queued message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Queued & ras.v1.Queued.$Shape} Queued
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Queued & ras.v1.Queued.$Shape;

            /**
             * Verifies a Queued message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Queued message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Queued
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Queued;

            /**
             * Creates a plain object from a Queued message. Also converts values to other types if specified.
             * @param message Queued
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Queued, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Queued to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Queued
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Queued {

            /** Properties of a Queued. */
            interface $Properties {

                /** Requests ahead of this one (0: next). */
                position?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Queued. */
            type $Shape = ras.v1.Queued.$Properties;
        }

        /** How a step ran. */
        enum StepKind {

            /** STEP_KIND_UNSPECIFIED value */
            STEP_KIND_UNSPECIFIED = 0,

            /** Every token ran (warm-up, error reset, or RAS off). */
            STEP_KIND_DENSE = 1,

            /** Only the selected tokens ran. */
            STEP_KIND_RAS = 2
        }

        /**
         * Properties of a Progress.
         * @deprecated Use ras.v1.Progress.$Properties instead.
         */
        interface IProgress extends ras.v1.Progress.$Properties {
        }

        /** A sampling step finished. */
        class Progress {

            /**
             * Constructs a new Progress.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Progress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** 0-based index of the finished step. */
            step: number;

            /** Total steps. */
            steps: number;

            /** Dense or RAS. */
            kind: ras.v1.StepKind;

            /** Tokens run through the model at this step. */
            tokensRun: number;

            /** Tokens in the image. */
            tokens: number;

            /** Wall time of the step in milliseconds. */
            stepMs: number;

            /**
             * Creates a new Progress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Progress instance
             */
            static create(properties: ras.v1.Progress.$Shape): ras.v1.Progress & ras.v1.Progress.$Shape;
            static create(properties?: ras.v1.Progress.$Properties): ras.v1.Progress;

            /**
             * Encodes the specified Progress message. Does not implicitly {@link ras.v1.Progress.verify|verify} messages.
             * @param message Progress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Progress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Progress message, length delimited. Does not implicitly {@link ras.v1.Progress.verify|verify} messages.
             * @param message Progress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Progress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Progress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Progress & ras.v1.Progress.$Shape} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Progress & ras.v1.Progress.$Shape;

            /**
             * Decodes a Progress message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Progress & ras.v1.Progress.$Shape} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Progress & ras.v1.Progress.$Shape;

            /**
             * Verifies a Progress message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Progress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Progress
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Progress;

            /**
             * Creates a plain object from a Progress message. Also converts values to other types if specified.
             * @param message Progress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Progress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Progress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Progress
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Progress {

            /** Properties of a Progress. */
            interface $Properties {

                /** 0-based index of the finished step. */
                step?: number;

                /** Total steps. */
                steps?: number;

                /** Dense or RAS. */
                kind?: ras.v1.StepKind;

                /** Tokens run through the model at this step. */
                tokensRun?: number;

                /** Tokens in the image. */
                tokens?: number;

                /** Wall time of the step in milliseconds. */
                stepMs?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Progress. */
            type $Shape = ras.v1.Progress.$Properties;
        }

        /**
         * Properties of a Preview.
         * @deprecated Use ras.v1.Preview.$Properties instead.
         */
        interface IPreview extends ras.v1.Preview.$Properties {
        }

        /** The predicted clean image after a step, and where the step looked. */
        class Preview {

            /**
             * Constructs a new Preview.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Preview.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** 0-based step index. */
            step: number;

            /** Encoded image. */
            image: Uint8Array;

            /** Its media type, "image/png" or "image/jpeg". */
            mime: string;

            /** Preview width in pixels. */
            width: number;

            /** Preview height in pixels. */
            height: number;

            /**
             * Focus map: grid_rows·grid_cols bytes, row-major, 1 where the token was
             * computed at this step, 0 where its cached velocity was reused.
             */
            focus: Uint8Array;

            /** Token grid rows. */
            gridRows: number;

            /** Token grid columns. */
            gridCols: number;

            /**
             * Creates a new Preview instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Preview instance
             */
            static create(properties: ras.v1.Preview.$Shape): ras.v1.Preview & ras.v1.Preview.$Shape;
            static create(properties?: ras.v1.Preview.$Properties): ras.v1.Preview;

            /**
             * Encodes the specified Preview message. Does not implicitly {@link ras.v1.Preview.verify|verify} messages.
             * @param message Preview message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Preview.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Preview message, length delimited. Does not implicitly {@link ras.v1.Preview.verify|verify} messages.
             * @param message Preview message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Preview.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Preview message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Preview & ras.v1.Preview.$Shape} Preview
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Preview & ras.v1.Preview.$Shape;

            /**
             * Decodes a Preview message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Preview & ras.v1.Preview.$Shape} Preview
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Preview & ras.v1.Preview.$Shape;

            /**
             * Verifies a Preview message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Preview message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Preview
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Preview;

            /**
             * Creates a plain object from a Preview message. Also converts values to other types if specified.
             * @param message Preview
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Preview, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Preview to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Preview
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Preview {

            /** Properties of a Preview. */
            interface $Properties {

                /** 0-based step index. */
                step?: number;

                /** Encoded image. */
                image?: Uint8Array;

                /** Its media type, "image/png" or "image/jpeg". */
                mime?: string;

                /** Preview width in pixels. */
                width?: number;

                /** Preview height in pixels. */
                height?: number;

                /**
                 * Focus map: grid_rows·grid_cols bytes, row-major, 1 where the token was
                 * computed at this step, 0 where its cached velocity was reused.
                 */
                focus?: Uint8Array;

                /** Token grid rows. */
                gridRows?: number;

                /** Token grid columns. */
                gridCols?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Preview. */
            type $Shape = ras.v1.Preview.$Properties;
        }

        /**
         * Properties of a Timings.
         * @deprecated Use ras.v1.Timings.$Properties instead.
         */
        interface ITimings extends ras.v1.Timings.$Properties {
        }

        /** Where the time went. */
        class Timings {

            /**
             * Constructs a new Timings.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Timings.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Time spent waiting for a sampling slot, in milliseconds. */
            queueMs: number;

            /** Time from admission to the result, in milliseconds. */
            totalMs: number;

            /** Wall time of each step, in milliseconds. */
            stepMs: number[];

            /**
             * Creates a new Timings instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timings instance
             */
            static create(properties: ras.v1.Timings.$Shape): ras.v1.Timings & ras.v1.Timings.$Shape;
            static create(properties?: ras.v1.Timings.$Properties): ras.v1.Timings;

            /**
             * Encodes the specified Timings message. Does not implicitly {@link ras.v1.Timings.verify|verify} messages.
             * @param message Timings message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Timings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Timings message, length delimited. Does not implicitly {@link ras.v1.Timings.verify|verify} messages.
             * @param message Timings message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Timings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timings message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Timings & ras.v1.Timings.$Shape} Timings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Timings & ras.v1.Timings.$Shape;

            /**
             * Decodes a Timings message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Timings & ras.v1.Timings.$Shape} Timings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Timings & ras.v1.Timings.$Shape;

            /**
             * Verifies a Timings message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Timings message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Timings
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Timings;

            /**
             * Creates a plain object from a Timings message. Also converts values to other types if specified.
             * @param message Timings
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Timings, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Timings to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Timings
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Timings {

            /** Properties of a Timings. */
            interface $Properties {

                /** Time spent waiting for a sampling slot, in milliseconds. */
                queueMs?: number;

                /** Time from admission to the result, in milliseconds. */
                totalMs?: number;

                /** Wall time of each step, in milliseconds. */
                stepMs?: number[];

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Timings. */
            type $Shape = ras.v1.Timings.$Properties;
        }

        /**
         * Properties of a Result.
         * @deprecated Use ras.v1.Result.$Properties instead.
         */
        interface IResult extends ras.v1.Result.$Properties {
        }

        /** The finished image. */
        class Result {

            /**
             * Constructs a new Result.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Result.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The session this image belongs to (new for Generate, same for Edit). */
            sessionId: string;

            /** The version within the session (1 for a generation; edits count up). */
            version: number;

            /** The image as PNG. */
            png: Uint8Array;

            /** Image width in pixels. */
            width: number;

            /** Image height in pixels. */
            height: number;

            /** Queue wait, total and per-step times. */
            timings: ras.v1.Timings;

            /** Token evaluations run, summed over the steps. */
            tokensRun: number;

            /** Token evaluations a dense run would have made (tokens × steps). */
            tokensTotal: number;

            /**
             * Opaque session state (recipe and the chain of edits), signed by the node
             * fleet: a few hundred bytes to a few KiB, never more than 192 KiB. Keep it
             * with the session; pass it as EditRequest.restore_state to re-home the
             * session on another node. A client cannot forge or alter it.
             */
            sessionState: Uint8Array;

            /**
             * Creates a new Result instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Result instance
             */
            static create(properties: ras.v1.Result.$Shape): ras.v1.Result & ras.v1.Result.$Shape;
            static create(properties?: ras.v1.Result.$Properties): ras.v1.Result;

            /**
             * Encodes the specified Result message. Does not implicitly {@link ras.v1.Result.verify|verify} messages.
             * @param message Result message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Result.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Result message, length delimited. Does not implicitly {@link ras.v1.Result.verify|verify} messages.
             * @param message Result message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Result.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Result message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Result & ras.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Result & ras.v1.Result.$Shape;

            /**
             * Decodes a Result message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Result & ras.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Result & ras.v1.Result.$Shape;

            /**
             * Verifies a Result message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Result message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Result
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Result;

            /**
             * Creates a plain object from a Result message. Also converts values to other types if specified.
             * @param message Result
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Result, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Result to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Result
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Result {

            /** Properties of a Result. */
            interface $Properties {

                /** The session this image belongs to (new for Generate, same for Edit). */
                sessionId?: string;

                /** The version within the session (1 for a generation; edits count up). */
                version?: number;

                /** The image as PNG. */
                png?: Uint8Array;

                /** Image width in pixels. */
                width?: number;

                /** Image height in pixels. */
                height?: number;

                /** Queue wait, total and per-step times. */
                timings?: ras.v1.Timings.$Properties;

                /** Token evaluations run, summed over the steps. */
                tokensRun?: number;

                /** Token evaluations a dense run would have made (tokens × steps). */
                tokensTotal?: number;

                /**
                 * Opaque session state (recipe and the chain of edits), signed by the node
                 * fleet: a few hundred bytes to a few KiB, never more than 192 KiB. Keep it
                 * with the session; pass it as EditRequest.restore_state to re-home the
                 * session on another node. A client cannot forge or alter it.
                 */
                sessionState?: Uint8Array;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Result. */
            type $Shape = ras.v1.Result.$Properties;
        }

        /**
         * Properties of a GetSessionRequest.
         * @deprecated Use ras.v1.GetSessionRequest.$Properties instead.
         */
        interface IGetSessionRequest extends ras.v1.GetSessionRequest.$Properties {
        }

        /** Names a session. */
        class GetSessionRequest {

            /**
             * Constructs a new GetSessionRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.GetSessionRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The session id from a Result (a UUID; anything else is INVALID_ARGUMENT). */
            sessionId: string;

            /**
             * Creates a new GetSessionRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetSessionRequest instance
             */
            static create(properties: ras.v1.GetSessionRequest.$Shape): ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape;
            static create(properties?: ras.v1.GetSessionRequest.$Properties): ras.v1.GetSessionRequest;

            /**
             * Encodes the specified GetSessionRequest message. Does not implicitly {@link ras.v1.GetSessionRequest.verify|verify} messages.
             * @param message GetSessionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.GetSessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GetSessionRequest message, length delimited. Does not implicitly {@link ras.v1.GetSessionRequest.verify|verify} messages.
             * @param message GetSessionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.GetSessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetSessionRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape} GetSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape;

            /**
             * Decodes a GetSessionRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape} GetSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape;

            /**
             * Verifies a GetSessionRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GetSessionRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetSessionRequest
             */
            static fromObject(object: { [k: string]: any }): ras.v1.GetSessionRequest;

            /**
             * Creates a plain object from a GetSessionRequest message. Also converts values to other types if specified.
             * @param message GetSessionRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.GetSessionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetSessionRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GetSessionRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GetSessionRequest {

            /** Properties of a GetSessionRequest. */
            interface $Properties {

                /** The session id from a Result (a UUID; anything else is INVALID_ARGUMENT). */
                sessionId?: string;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GetSessionRequest. */
            type $Shape = ras.v1.GetSessionRequest.$Properties;
        }

        /**
         * Properties of a Session.
         * @deprecated Use ras.v1.Session.$Properties instead.
         */
        interface ISession extends ras.v1.Session.$Properties {
        }

        /** A session on this node. */
        class Session {

            /**
             * Constructs a new Session.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Session.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The session id. */
            sessionId: string;

            /** The model that made it. */
            model: string;

            /** Versions still addressable, ascending. */
            versions: number[];

            /** The recipe of version 1 (seed filled in; no preview options). */
            recipe: ras.v1.GenerateRequest;

            /** Creation time, whole milliseconds since the Unix epoch. */
            createdAtUnixMs: number;

            /**
             * Creates a new Session instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Session instance
             */
            static create(properties: ras.v1.Session.$Shape): ras.v1.Session & ras.v1.Session.$Shape;
            static create(properties?: ras.v1.Session.$Properties): ras.v1.Session;

            /**
             * Encodes the specified Session message. Does not implicitly {@link ras.v1.Session.verify|verify} messages.
             * @param message Session message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Session.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Session message, length delimited. Does not implicitly {@link ras.v1.Session.verify|verify} messages.
             * @param message Session message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Session.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Session message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Session & ras.v1.Session.$Shape} Session
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Session & ras.v1.Session.$Shape;

            /**
             * Decodes a Session message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Session & ras.v1.Session.$Shape} Session
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Session & ras.v1.Session.$Shape;

            /**
             * Verifies a Session message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Session message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Session
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Session;

            /**
             * Creates a plain object from a Session message. Also converts values to other types if specified.
             * @param message Session
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Session, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Session to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Session
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Session {

            /** Properties of a Session. */
            interface $Properties {

                /** The session id. */
                sessionId?: string;

                /** The model that made it. */
                model?: string;

                /** Versions still addressable, ascending. */
                versions?: number[];

                /** The recipe of version 1 (seed filled in; no preview options). */
                recipe?: ras.v1.GenerateRequest.$Properties;

                /** Creation time, whole milliseconds since the Unix epoch. */
                createdAtUnixMs?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Session. */
            type $Shape = {
              sessionId?: string;
              model?: string;
              versions?: number[];
              recipe?: ras.v1.GenerateRequest.$Shape;
              createdAtUnixMs?: number;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a DeleteSessionRequest.
         * @deprecated Use ras.v1.DeleteSessionRequest.$Properties instead.
         */
        interface IDeleteSessionRequest extends ras.v1.DeleteSessionRequest.$Properties {
        }

        /** Names the session to delete. */
        class DeleteSessionRequest {

            /**
             * Constructs a new DeleteSessionRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.DeleteSessionRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The session id from a Result. */
            sessionId: string;

            /**
             * Creates a new DeleteSessionRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteSessionRequest instance
             */
            static create(properties: ras.v1.DeleteSessionRequest.$Shape): ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape;
            static create(properties?: ras.v1.DeleteSessionRequest.$Properties): ras.v1.DeleteSessionRequest;

            /**
             * Encodes the specified DeleteSessionRequest message. Does not implicitly {@link ras.v1.DeleteSessionRequest.verify|verify} messages.
             * @param message DeleteSessionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.DeleteSessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeleteSessionRequest message, length delimited. Does not implicitly {@link ras.v1.DeleteSessionRequest.verify|verify} messages.
             * @param message DeleteSessionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.DeleteSessionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteSessionRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape} DeleteSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape;

            /**
             * Decodes a DeleteSessionRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape} DeleteSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape;

            /**
             * Verifies a DeleteSessionRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteSessionRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteSessionRequest
             */
            static fromObject(object: { [k: string]: any }): ras.v1.DeleteSessionRequest;

            /**
             * Creates a plain object from a DeleteSessionRequest message. Also converts values to other types if specified.
             * @param message DeleteSessionRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.DeleteSessionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteSessionRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeleteSessionRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeleteSessionRequest {

            /** Properties of a DeleteSessionRequest. */
            interface $Properties {

                /** The session id from a Result. */
                sessionId?: string;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeleteSessionRequest. */
            type $Shape = ras.v1.DeleteSessionRequest.$Properties;
        }

        /**
         * Properties of a DeleteSessionResponse.
         * @deprecated Use ras.v1.DeleteSessionResponse.$Properties instead.
         */
        interface IDeleteSessionResponse extends ras.v1.DeleteSessionResponse.$Properties {
        }

        /** Nothing to report: the session is gone. */
        class DeleteSessionResponse {

            /**
             * Constructs a new DeleteSessionResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.DeleteSessionResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new DeleteSessionResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteSessionResponse instance
             */
            static create(properties: ras.v1.DeleteSessionResponse.$Shape): ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape;
            static create(properties?: ras.v1.DeleteSessionResponse.$Properties): ras.v1.DeleteSessionResponse;

            /**
             * Encodes the specified DeleteSessionResponse message. Does not implicitly {@link ras.v1.DeleteSessionResponse.verify|verify} messages.
             * @param message DeleteSessionResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.DeleteSessionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeleteSessionResponse message, length delimited. Does not implicitly {@link ras.v1.DeleteSessionResponse.verify|verify} messages.
             * @param message DeleteSessionResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.DeleteSessionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteSessionResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape} DeleteSessionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape;

            /**
             * Decodes a DeleteSessionResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape} DeleteSessionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape;

            /**
             * Verifies a DeleteSessionResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteSessionResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteSessionResponse
             */
            static fromObject(object: { [k: string]: any }): ras.v1.DeleteSessionResponse;

            /**
             * Creates a plain object from a DeleteSessionResponse message. Also converts values to other types if specified.
             * @param message DeleteSessionResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.DeleteSessionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteSessionResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeleteSessionResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeleteSessionResponse {

            /** Properties of a DeleteSessionResponse. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeleteSessionResponse. */
            type $Shape = ras.v1.DeleteSessionResponse.$Properties;
        }

        /**
         * Properties of a ListModelsRequest.
         * @deprecated Use ras.v1.ListModelsRequest.$Properties instead.
         */
        interface IListModelsRequest extends ras.v1.ListModelsRequest.$Properties {
        }

        /** No parameters. */
        class ListModelsRequest {

            /**
             * Constructs a new ListModelsRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.ListModelsRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new ListModelsRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListModelsRequest instance
             */
            static create(properties: ras.v1.ListModelsRequest.$Shape): ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape;
            static create(properties?: ras.v1.ListModelsRequest.$Properties): ras.v1.ListModelsRequest;

            /**
             * Encodes the specified ListModelsRequest message. Does not implicitly {@link ras.v1.ListModelsRequest.verify|verify} messages.
             * @param message ListModelsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.ListModelsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListModelsRequest message, length delimited. Does not implicitly {@link ras.v1.ListModelsRequest.verify|verify} messages.
             * @param message ListModelsRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.ListModelsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListModelsRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape} ListModelsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape;

            /**
             * Decodes a ListModelsRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape} ListModelsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape;

            /**
             * Verifies a ListModelsRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ListModelsRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListModelsRequest
             */
            static fromObject(object: { [k: string]: any }): ras.v1.ListModelsRequest;

            /**
             * Creates a plain object from a ListModelsRequest message. Also converts values to other types if specified.
             * @param message ListModelsRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.ListModelsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListModelsRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ListModelsRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ListModelsRequest {

            /** Properties of a ListModelsRequest. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListModelsRequest. */
            type $Shape = ras.v1.ListModelsRequest.$Properties;
        }

        /**
         * Properties of a ListModelsResponse.
         * @deprecated Use ras.v1.ListModelsResponse.$Properties instead.
         */
        interface IListModelsResponse extends ras.v1.ListModelsResponse.$Properties {
        }

        /** The models this node serves. */
        class ListModelsResponse {

            /**
             * Constructs a new ListModelsResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.ListModelsResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** One entry per model. */
            models: ras.v1.Model[];

            /**
             * Creates a new ListModelsResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListModelsResponse instance
             */
            static create(properties: ras.v1.ListModelsResponse.$Shape): ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape;
            static create(properties?: ras.v1.ListModelsResponse.$Properties): ras.v1.ListModelsResponse;

            /**
             * Encodes the specified ListModelsResponse message. Does not implicitly {@link ras.v1.ListModelsResponse.verify|verify} messages.
             * @param message ListModelsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.ListModelsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListModelsResponse message, length delimited. Does not implicitly {@link ras.v1.ListModelsResponse.verify|verify} messages.
             * @param message ListModelsResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.ListModelsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListModelsResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape} ListModelsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape;

            /**
             * Decodes a ListModelsResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape} ListModelsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape;

            /**
             * Verifies a ListModelsResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ListModelsResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListModelsResponse
             */
            static fromObject(object: { [k: string]: any }): ras.v1.ListModelsResponse;

            /**
             * Creates a plain object from a ListModelsResponse message. Also converts values to other types if specified.
             * @param message ListModelsResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.ListModelsResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListModelsResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ListModelsResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ListModelsResponse {

            /** Properties of a ListModelsResponse. */
            interface $Properties {

                /** One entry per model. */
                models?: ras.v1.Model.$Properties[];

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListModelsResponse. */
            type $Shape = ras.v1.ListModelsResponse.$Properties;
        }

        /**
         * Properties of a Model.
         * @deprecated Use ras.v1.Model.$Properties instead.
         */
        interface IModel extends ras.v1.Model.$Properties {
        }

        /** A model and its defaults. */
        class Model {

            /**
             * Constructs a new Model.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Model.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** The name to pass as GenerateRequest.model. */
            name: string;

            /** Class labels, index = class id (empty when the card names none). */
            labels: string[];

            /** Default image width in pixels. */
            width: number;

            /** Default image height in pixels. */
            height: number;

            /** Patch size: width and height must be multiples of it. */
            patch: number;

            /** Recommended sampling steps. */
            recommendedSteps: number;

            /** Recommended guidance scale. */
            recommendedGuidance: number;

            /**
             * Sizes the model serves well (was trained at); empty: none (a test model).
             * Other sizes within its limits are accepted, and may come out as noise.
             */
            sizes: ras.v1.Size[];

            /**
             * Creates a new Model instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Model instance
             */
            static create(properties: ras.v1.Model.$Shape): ras.v1.Model & ras.v1.Model.$Shape;
            static create(properties?: ras.v1.Model.$Properties): ras.v1.Model;

            /**
             * Encodes the specified Model message. Does not implicitly {@link ras.v1.Model.verify|verify} messages.
             * @param message Model message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Model.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Model message, length delimited. Does not implicitly {@link ras.v1.Model.verify|verify} messages.
             * @param message Model message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Model.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Model message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Model & ras.v1.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Model & ras.v1.Model.$Shape;

            /**
             * Decodes a Model message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Model & ras.v1.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Model & ras.v1.Model.$Shape;

            /**
             * Verifies a Model message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Model message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Model
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Model;

            /**
             * Creates a plain object from a Model message. Also converts values to other types if specified.
             * @param message Model
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Model, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Model to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Model
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Model {

            /** Properties of a Model. */
            interface $Properties {

                /** The name to pass as GenerateRequest.model. */
                name?: string;

                /** Class labels, index = class id (empty when the card names none). */
                labels?: string[];

                /** Default image width in pixels. */
                width?: number;

                /** Default image height in pixels. */
                height?: number;

                /** Patch size: width and height must be multiples of it. */
                patch?: number;

                /** Recommended sampling steps. */
                recommendedSteps?: number;

                /** Recommended guidance scale. */
                recommendedGuidance?: number;

                /**
                 * Sizes the model serves well (was trained at); empty: none (a test model).
                 * Other sizes within its limits are accepted, and may come out as noise.
                 */
                sizes?: ras.v1.Size.$Properties[];

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Model. */
            type $Shape = ras.v1.Model.$Properties;
        }

        /**
         * Properties of a Size.
         * @deprecated Use ras.v1.Size.$Properties instead.
         */
        interface ISize extends ras.v1.Size.$Properties {
        }

        /** An image size in pixels. */
        class Size {

            /**
             * Constructs a new Size.
             * @param [properties] Properties to set
             */
            constructor(properties?: ras.v1.Size.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Width in pixels. */
            width: number;

            /** Height in pixels. */
            height: number;

            /**
             * Creates a new Size instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Size instance
             */
            static create(properties: ras.v1.Size.$Shape): ras.v1.Size & ras.v1.Size.$Shape;
            static create(properties?: ras.v1.Size.$Properties): ras.v1.Size;

            /**
             * Encodes the specified Size message. Does not implicitly {@link ras.v1.Size.verify|verify} messages.
             * @param message Size message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: ras.v1.Size.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Size message, length delimited. Does not implicitly {@link ras.v1.Size.verify|verify} messages.
             * @param message Size message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: ras.v1.Size.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Size message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {ras.v1.Size & ras.v1.Size.$Shape} Size
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ras.v1.Size & ras.v1.Size.$Shape;

            /**
             * Decodes a Size message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {ras.v1.Size & ras.v1.Size.$Shape} Size
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): ras.v1.Size & ras.v1.Size.$Shape;

            /**
             * Verifies a Size message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Size message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Size
             */
            static fromObject(object: { [k: string]: any }): ras.v1.Size;

            /**
             * Creates a plain object from a Size message. Also converts values to other types if specified.
             * @param message Size
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: ras.v1.Size, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Size to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Size
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Size {

            /** Properties of a Size. */
            interface $Properties {

                /** Width in pixels. */
                width?: number;

                /** Height in pixels. */
                height?: number;

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Size. */
            type $Shape = ras.v1.Size.$Properties;
        }
    }
}
