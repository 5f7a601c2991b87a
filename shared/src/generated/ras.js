/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $isFinite = $util.global.isFinite, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const ras = $root.ras = (() => {

    /**
     * Namespace ras.
     * @exports ras
     * @namespace
     */
    const ras = {};

    ras.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof ras
         * @namespace
         */
        const v1 = {};

        v1.Condition = (function() {

            /**
             * Properties of a Condition.
             * @typedef {Object} ras.v1.Condition.$Properties
             * @property {number|null} [classId] Class id, 0-based (the card's null class id means unconditional).
             * @property {string|null} [label] A label the model card lists, for example "red circle".
             * @property {"classId"|"label"} [kind] Condition kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Condition.
             * @memberof ras.v1
             * @interface ICondition
             * @augments ras.v1.Condition.$Properties
             * @deprecated Use ras.v1.Condition.$Properties instead.
             */

            /**
             * Narrowed shape of a Condition.
             * @typedef {{
             *   classId?: number|null;
             *   label?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; classId?: null; label?: null }|{ kind?: "classId"; classId: number; label?: null }|{ kind?: "label"; classId?: null; label: string })
             * )} ras.v1.Condition.$Shape
             */

            /**
             * Constructs a new Condition.
             * @memberof ras.v1
             * @classdesc What to condition on: a class id, or a label the model card maps to one.
             * @constructor
             * @param {ras.v1.Condition.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Condition = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Class id, 0-based (the card's null class id means unconditional).
             * @member {number|null} classId
             * @memberof ras.v1.Condition
             * @instance
             */
            Condition.prototype.classId = null;

            /**
             * A label the model card lists, for example "red circle".
             * @member {string|null} label
             * @memberof ras.v1.Condition
             * @instance
             */
            Condition.prototype.label = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Condition kind.
             * @member {"classId"|"label"|undefined} kind
             * @memberof ras.v1.Condition
             * @instance
             */
            $Object.defineProperty(Condition.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["classId", "label"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Condition instance using the specified properties.
             * @function create
             * @memberof ras.v1.Condition
             * @static
             * @param {ras.v1.Condition.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Condition} Condition instance
             * @type {{
             *   (properties: ras.v1.Condition.$Shape): ras.v1.Condition & ras.v1.Condition.$Shape;
             *   (properties?: ras.v1.Condition.$Properties): ras.v1.Condition;
             * }}
             */
            Condition.create = function(properties) {
                return new Condition(properties);
            };

            /**
             * Encodes the specified Condition message. Does not implicitly {@link ras.v1.Condition.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Condition
             * @static
             * @param {ras.v1.Condition.$Properties} message Condition message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Condition.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.classId != null && $Object.hasOwnProperty.call(message, "classId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.classId);
                if (message.label != null && $Object.hasOwnProperty.call(message, "label"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.label);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Condition message, length delimited. Does not implicitly {@link ras.v1.Condition.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Condition
             * @static
             * @param {ras.v1.Condition.$Properties} message Condition message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Condition.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Condition message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Condition
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Condition & ras.v1.Condition.$Shape} Condition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Condition.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Condition();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.classId = reader.uint32();
                            message.kind = "classId";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.label = reader.stringVerify();
                            message.kind = "label";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Condition message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Condition
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Condition & ras.v1.Condition.$Shape} Condition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Condition.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Condition message.
             * @function verify
             * @memberof ras.v1.Condition
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Condition.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.classId != null && $Object.hasOwnProperty.call(message, "classId")) {
                    properties.kind = 1;
                    if (!$util.isInteger(message.classId))
                        return "classId: integer expected";
                }
                if (message.label != null && $Object.hasOwnProperty.call(message, "label")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    if (!$util.isString(message.label))
                        return "label: string expected";
                }
                return null;
            };

            /**
             * Creates a Condition message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Condition
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Condition} Condition
             */
            Condition.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Condition)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Condition: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Condition();
                if (object.classId != null)
                    message.classId = object.classId >>> 0;
                if (object.label != null)
                    message.label = $String(object.label);
                return message;
            };

            /**
             * Creates a plain object from a Condition message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Condition
             * @static
             * @param {ras.v1.Condition} message Condition
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Condition.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.classId != null && $Object.hasOwnProperty.call(message, "classId")) {
                    object.classId = message.classId;
                    if (options.oneofs)
                        object.kind = "classId";
                }
                if (message.label != null && $Object.hasOwnProperty.call(message, "label")) {
                    object.label = message.label;
                    if (options.oneofs)
                        object.kind = "label";
                }
                return object;
            };

            /**
             * Converts this Condition to JSON.
             * @function toJSON
             * @memberof ras.v1.Condition
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Condition.prototype.toJSON = function() {
                return Condition.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Condition
             * @function getTypeUrl
             * @memberof ras.v1.Condition
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Condition.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Condition";
            };

            return Condition;
        })();

        v1.RatioRamp = (function() {

            /**
             * Properties of a RatioRamp.
             * @typedef {Object} ras.v1.RatioRamp.$Properties
             * @property {number} [from] Ratio at the first RAS step, in (0, 1].
             * @property {number} [to] Ratio at the last RAS step, in (0, 1].
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RatioRamp.
             * @memberof ras.v1
             * @interface IRatioRamp
             * @augments ras.v1.RatioRamp.$Properties
             * @deprecated Use ras.v1.RatioRamp.$Properties instead.
             */

            /**
             * Shape of a RatioRamp.
             * @typedef {ras.v1.RatioRamp.$Properties} ras.v1.RatioRamp.$Shape
             */

            /**
             * Constructs a new RatioRamp.
             * @memberof ras.v1
             * @classdesc A linear ramp of the sample ratio over the RAS steps.
             * @constructor
             * @param {ras.v1.RatioRamp.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RatioRamp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ratio at the first RAS step, in (0, 1].
             * @member {number} from
             * @memberof ras.v1.RatioRamp
             * @instance
             */
            RatioRamp.prototype.from = 0;

            /**
             * Ratio at the last RAS step, in (0, 1].
             * @member {number} to
             * @memberof ras.v1.RatioRamp
             * @instance
             */
            RatioRamp.prototype.to = 0;

            /**
             * Creates a new RatioRamp instance using the specified properties.
             * @function create
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {ras.v1.RatioRamp.$Properties=} [properties] Properties to set
             * @returns {ras.v1.RatioRamp} RatioRamp instance
             * @type {{
             *   (properties: ras.v1.RatioRamp.$Shape): ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape;
             *   (properties?: ras.v1.RatioRamp.$Properties): ras.v1.RatioRamp;
             * }}
             */
            RatioRamp.create = function(properties) {
                return new RatioRamp(properties);
            };

            /**
             * Encodes the specified RatioRamp message. Does not implicitly {@link ras.v1.RatioRamp.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {ras.v1.RatioRamp.$Properties} message RatioRamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RatioRamp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.from != null && $Object.hasOwnProperty.call(message, "from") && !$Object.is(message.from, 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.from);
                if (message.to != null && $Object.hasOwnProperty.call(message, "to") && !$Object.is(message.to, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.to);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RatioRamp message, length delimited. Does not implicitly {@link ras.v1.RatioRamp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {ras.v1.RatioRamp.$Properties} message RatioRamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RatioRamp.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RatioRamp message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape} RatioRamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RatioRamp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.RatioRamp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.from = value;
                            else
                                delete message.from;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.to = value;
                            else
                                delete message.to;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RatioRamp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.RatioRamp & ras.v1.RatioRamp.$Shape} RatioRamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RatioRamp.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RatioRamp message.
             * @function verify
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RatioRamp.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    if (typeof message.from !== "number")
                        return "from: number expected";
                if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                    if (typeof message.to !== "number")
                        return "to: number expected";
                return null;
            };

            /**
             * Creates a RatioRamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.RatioRamp} RatioRamp
             */
            RatioRamp.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.RatioRamp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.RatioRamp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.RatioRamp();
                if (object.from != null)
                    if (!$Object.is($Number(object.from), 0))
                        message.from = $Number(object.from);
                if (object.to != null)
                    if (!$Object.is($Number(object.to), 0))
                        message.to = $Number(object.to);
                return message;
            };

            /**
             * Creates a plain object from a RatioRamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {ras.v1.RatioRamp} message RatioRamp
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RatioRamp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.from = 0;
                    object.to = 0;
                }
                if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                    object.from = options.json && !$isFinite(message.from) ? $String(message.from) : message.from;
                if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                    object.to = options.json && !$isFinite(message.to) ? $String(message.to) : message.to;
                return object;
            };

            /**
             * Converts this RatioRamp to JSON.
             * @function toJSON
             * @memberof ras.v1.RatioRamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RatioRamp.prototype.toJSON = function() {
                return RatioRamp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RatioRamp
             * @function getTypeUrl
             * @memberof ras.v1.RatioRamp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RatioRamp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.RatioRamp";
            };

            return RatioRamp;
        })();

        v1.StepList = (function() {

            /**
             * Properties of a StepList.
             * @typedef {Object} ras.v1.StepList.$Properties
             * @property {Array.<number>} [steps] 0-based step indices.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StepList.
             * @memberof ras.v1
             * @interface IStepList
             * @augments ras.v1.StepList.$Properties
             * @deprecated Use ras.v1.StepList.$Properties instead.
             */

            /**
             * Shape of a StepList.
             * @typedef {ras.v1.StepList.$Properties} ras.v1.StepList.$Shape
             */

            /**
             * Constructs a new StepList.
             * @memberof ras.v1
             * @classdesc A list of step indices; wrapped so that "absent" (default schedule) and
             * "empty" (no such steps) differ.
             * @constructor
             * @param {ras.v1.StepList.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StepList = function (properties) {
                this.steps = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * 0-based step indices.
             * @member {Array.<number>} steps
             * @memberof ras.v1.StepList
             * @instance
             */
            StepList.prototype.steps = $util.emptyArray;

            /**
             * Creates a new StepList instance using the specified properties.
             * @function create
             * @memberof ras.v1.StepList
             * @static
             * @param {ras.v1.StepList.$Properties=} [properties] Properties to set
             * @returns {ras.v1.StepList} StepList instance
             * @type {{
             *   (properties: ras.v1.StepList.$Shape): ras.v1.StepList & ras.v1.StepList.$Shape;
             *   (properties?: ras.v1.StepList.$Properties): ras.v1.StepList;
             * }}
             */
            StepList.create = function(properties) {
                return new StepList(properties);
            };

            /**
             * Encodes the specified StepList message. Does not implicitly {@link ras.v1.StepList.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.StepList
             * @static
             * @param {ras.v1.StepList.$Properties} message StepList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StepList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.steps != null && message.steps.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.steps);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified StepList message, length delimited. Does not implicitly {@link ras.v1.StepList.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.StepList
             * @static
             * @param {ras.v1.StepList.$Properties} message StepList message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StepList.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StepList message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.StepList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.StepList & ras.v1.StepList.$Shape} StepList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StepList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.StepList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.steps && message.steps.length))
                                    message.steps = [];
                                reader.uint32s(message.steps);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.steps && message.steps.length))
                                message.steps = [];
                            message.steps.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a StepList message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.StepList
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.StepList & ras.v1.StepList.$Shape} StepList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StepList.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StepList message.
             * @function verify
             * @memberof ras.v1.StepList
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StepList.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps")) {
                    if (!$Array.isArray(message.steps))
                        return "steps: array expected";
                    for (let i = 0; i < message.steps.length; ++i)
                        if (!$util.isInteger(message.steps[i]))
                            return "steps: integer[] expected";
                }
                return null;
            };

            /**
             * Creates a StepList message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.StepList
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.StepList} StepList
             */
            StepList.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.StepList)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.StepList: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.StepList();
                if (object.steps) {
                    if (!$Array.isArray(object.steps))
                        throw $TypeError(".ras.v1.StepList.steps: array expected");
                    message.steps = $Array(object.steps.length);
                    for (let i = 0; i < object.steps.length; ++i)
                        message.steps[i] = object.steps[i] >>> 0;
                }
                return message;
            };

            /**
             * Creates a plain object from a StepList message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.StepList
             * @static
             * @param {ras.v1.StepList} message StepList
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StepList.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.steps = [];
                if (message.steps && message.steps.length) {
                    object.steps = $Array(message.steps.length);
                    for (let j = 0; j < message.steps.length; ++j)
                        object.steps[j] = message.steps[j];
                }
                return object;
            };

            /**
             * Converts this StepList to JSON.
             * @function toJSON
             * @memberof ras.v1.StepList
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StepList.prototype.toJSON = function() {
                return StepList.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StepList
             * @function getTypeUrl
             * @memberof ras.v1.StepList
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StepList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.StepList";
            };

            return StepList;
        })();

        v1.RasSettings = (function() {

            /**
             * Properties of a RasSettings.
             * @typedef {Object} ras.v1.RasSettings.$Properties
             * @property {string|null} [policy] Selection policy by name: "std" (default), "l2norm", "random", or
             * "dense" (RAS off: every step runs every token).
             * @property {number|null} [ratio] Constant sample ratio r in (0, 1]; r = 1 equals dense sampling.
             * @property {ras.v1.RatioRamp.$Properties|null} [ramp] Ratio ramping linearly over the RAS steps.
             * @property {number|null} [warmup] Dense steps at the start (default: the paper's 4 of 28, scaled to steps).
             * 0 only when step 0 is a reset or the policy is "dense": a RAS step scores
             * tokens by the step before it.
             * @property {ras.v1.StepList.$Properties} [resets] Dense error-reset steps (default: the paper's 12 and 20 of 28, scaled).
             * @property {number|null} [starvationScale] k of the starvation term exp(k·c), c = steps since a token last ran (≥ 0).
             * @property {number|null} [highRatio] Band h in [0, 1]: share of the dropped tokens taken from the high end of
             * the metric order (the rest from the low end). Default 1.
             * @property {number|null} [maxStale] Hard bound: a token this many steps uncomputed runs next (≥ 1).
             * @property {"ratio"|"ramp"} [sampleRatio] Share of tokens run on a RAS step: a constant, or a ramp. Default 0.5.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RasSettings.
             * @memberof ras.v1
             * @interface IRasSettings
             * @augments ras.v1.RasSettings.$Properties
             * @deprecated Use ras.v1.RasSettings.$Properties instead.
             */

            /**
             * Narrowed shape of a RasSettings.
             * @typedef {{
             *   policy?: string|null;
             *   ratio?: number|null;
             *   ramp?: ras.v1.RatioRamp.$Shape|null;
             *   warmup?: number|null;
             *   resets?: ras.v1.StepList.$Shape;
             *   starvationScale?: number|null;
             *   highRatio?: number|null;
             *   maxStale?: number|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ sampleRatio?: undefined; ratio?: null; ramp?: null }|{ sampleRatio?: "ratio"; ratio: number; ramp?: null }|{ sampleRatio?: "ramp"; ratio?: null; ramp: ras.v1.RatioRamp.$Shape })
             * )} ras.v1.RasSettings.$Shape
             */

            /**
             * Constructs a new RasSettings.
             * @memberof ras.v1
             * @classdesc Region-Adaptive Sampling settings (DESIGN.md §3). Every field is optional;
             * an absent field takes the server's default.
             * @constructor
             * @param {ras.v1.RasSettings.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RasSettings = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Selection policy by name: "std" (default), "l2norm", "random", or
             * "dense" (RAS off: every step runs every token).
             * @member {string|null} policy
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.policy = null;

            /**
             * Constant sample ratio r in (0, 1]; r = 1 equals dense sampling.
             * @member {number|null} ratio
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.ratio = null;

            /**
             * Ratio ramping linearly over the RAS steps.
             * @member {ras.v1.RatioRamp|null} ramp
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.ramp = null;

            /**
             * Dense steps at the start (default: the paper's 4 of 28, scaled to steps).
             * 0 only when step 0 is a reset or the policy is "dense": a RAS step scores
             * tokens by the step before it.
             * @member {number|null} warmup
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.warmup = null;

            /**
             * Dense error-reset steps (default: the paper's 12 and 20 of 28, scaled).
             * @member {ras.v1.StepList} resets
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.resets = null;

            /**
             * k of the starvation term exp(k·c), c = steps since a token last ran (≥ 0).
             * @member {number|null} starvationScale
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.starvationScale = null;

            /**
             * Band h in [0, 1]: share of the dropped tokens taken from the high end of
             * the metric order (the rest from the low end). Default 1.
             * @member {number|null} highRatio
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.highRatio = null;

            /**
             * Hard bound: a token this many steps uncomputed runs next (≥ 1).
             * @member {number|null} maxStale
             * @memberof ras.v1.RasSettings
             * @instance
             */
            RasSettings.prototype.maxStale = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RasSettings.prototype, "_policy", {
                get: $util.oneOfGetter($oneOfFields = ["policy"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Share of tokens run on a RAS step: a constant, or a ramp. Default 0.5.
             * @member {"ratio"|"ramp"|undefined} sampleRatio
             * @memberof ras.v1.RasSettings
             * @instance
             */
            $Object.defineProperty(RasSettings.prototype, "sampleRatio", {
                get: $util.oneOfGetter($oneOfFields = ["ratio", "ramp"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RasSettings.prototype, "_warmup", {
                get: $util.oneOfGetter($oneOfFields = ["warmup"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RasSettings.prototype, "_starvationScale", {
                get: $util.oneOfGetter($oneOfFields = ["starvationScale"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RasSettings.prototype, "_highRatio", {
                get: $util.oneOfGetter($oneOfFields = ["highRatio"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RasSettings.prototype, "_maxStale", {
                get: $util.oneOfGetter($oneOfFields = ["maxStale"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new RasSettings instance using the specified properties.
             * @function create
             * @memberof ras.v1.RasSettings
             * @static
             * @param {ras.v1.RasSettings.$Properties=} [properties] Properties to set
             * @returns {ras.v1.RasSettings} RasSettings instance
             * @type {{
             *   (properties: ras.v1.RasSettings.$Shape): ras.v1.RasSettings & ras.v1.RasSettings.$Shape;
             *   (properties?: ras.v1.RasSettings.$Properties): ras.v1.RasSettings;
             * }}
             */
            RasSettings.create = function(properties) {
                return new RasSettings(properties);
            };

            /**
             * Encodes the specified RasSettings message. Does not implicitly {@link ras.v1.RasSettings.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.RasSettings
             * @static
             * @param {ras.v1.RasSettings.$Properties} message RasSettings message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RasSettings.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.policy);
                if (message.ratio != null && $Object.hasOwnProperty.call(message, "ratio"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.ratio);
                if (message.ramp != null && $Object.hasOwnProperty.call(message, "ramp"))
                    $root.ras.v1.RatioRamp.encode(message.ramp, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.warmup != null && $Object.hasOwnProperty.call(message, "warmup"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.warmup);
                if (message.resets != null && $Object.hasOwnProperty.call(message, "resets"))
                    $root.ras.v1.StepList.encode(message.resets, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.starvationScale != null && $Object.hasOwnProperty.call(message, "starvationScale"))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.starvationScale);
                if (message.highRatio != null && $Object.hasOwnProperty.call(message, "highRatio"))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.highRatio);
                if (message.maxStale != null && $Object.hasOwnProperty.call(message, "maxStale"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.maxStale);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RasSettings message, length delimited. Does not implicitly {@link ras.v1.RasSettings.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.RasSettings
             * @static
             * @param {ras.v1.RasSettings.$Properties} message RasSettings message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RasSettings.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RasSettings message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.RasSettings
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.RasSettings & ras.v1.RasSettings.$Shape} RasSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RasSettings.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.RasSettings();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.policy = reader.stringVerify();
                            message._policy = "policy";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            message.ratio = reader.double();
                            message.sampleRatio = "ratio";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.ramp = $root.ras.v1.RatioRamp.decode(reader, reader.size(), $undefined, _depth + 1, message.ramp);
                            message.sampleRatio = "ramp";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.warmup = reader.uint32();
                            message._warmup = "warmup";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.resets = $root.ras.v1.StepList.decode(reader, reader.size(), $undefined, _depth + 1, message.resets);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            message.starvationScale = reader.double();
                            message._starvationScale = "starvationScale";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            message.highRatio = reader.double();
                            message._highRatio = "highRatio";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            message.maxStale = reader.uint32();
                            message._maxStale = "maxStale";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RasSettings message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.RasSettings
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.RasSettings & ras.v1.RasSettings.$Shape} RasSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RasSettings.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RasSettings message.
             * @function verify
             * @memberof ras.v1.RasSettings
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RasSettings.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy")) {
                    properties._policy = 1;
                    if (!$util.isString(message.policy))
                        return "policy: string expected";
                }
                if (message.ratio != null && $Object.hasOwnProperty.call(message, "ratio")) {
                    properties.sampleRatio = 1;
                    if (typeof message.ratio !== "number")
                        return "ratio: number expected";
                }
                if (message.ramp != null && $Object.hasOwnProperty.call(message, "ramp")) {
                    if (properties.sampleRatio === 1)
                        return "sampleRatio: multiple values";
                    properties.sampleRatio = 1;
                    {
                        let error = $root.ras.v1.RatioRamp.verify(message.ramp, _depth + 1);
                        if (error)
                            return "ramp." + error;
                    }
                }
                if (message.warmup != null && $Object.hasOwnProperty.call(message, "warmup")) {
                    properties._warmup = 1;
                    if (!$util.isInteger(message.warmup))
                        return "warmup: integer expected";
                }
                if (message.resets != null && $Object.hasOwnProperty.call(message, "resets")) {
                    let error = $root.ras.v1.StepList.verify(message.resets, _depth + 1);
                    if (error)
                        return "resets." + error;
                }
                if (message.starvationScale != null && $Object.hasOwnProperty.call(message, "starvationScale")) {
                    properties._starvationScale = 1;
                    if (typeof message.starvationScale !== "number")
                        return "starvationScale: number expected";
                }
                if (message.highRatio != null && $Object.hasOwnProperty.call(message, "highRatio")) {
                    properties._highRatio = 1;
                    if (typeof message.highRatio !== "number")
                        return "highRatio: number expected";
                }
                if (message.maxStale != null && $Object.hasOwnProperty.call(message, "maxStale")) {
                    properties._maxStale = 1;
                    if (!$util.isInteger(message.maxStale))
                        return "maxStale: integer expected";
                }
                return null;
            };

            /**
             * Creates a RasSettings message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.RasSettings
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.RasSettings} RasSettings
             */
            RasSettings.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.RasSettings)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.RasSettings: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.RasSettings();
                if (object.policy != null)
                    message.policy = $String(object.policy);
                if (object.ratio != null)
                    message.ratio = $Number(object.ratio);
                if (object.ramp != null) {
                    if (!$util.isObject(object.ramp))
                        throw $TypeError(".ras.v1.RasSettings.ramp: object expected");
                    message.ramp = $root.ras.v1.RatioRamp.fromObject(object.ramp, _depth + 1);
                }
                if (object.warmup != null)
                    message.warmup = object.warmup >>> 0;
                if (object.resets != null) {
                    if (!$util.isObject(object.resets))
                        throw $TypeError(".ras.v1.RasSettings.resets: object expected");
                    message.resets = $root.ras.v1.StepList.fromObject(object.resets, _depth + 1);
                }
                if (object.starvationScale != null)
                    message.starvationScale = $Number(object.starvationScale);
                if (object.highRatio != null)
                    message.highRatio = $Number(object.highRatio);
                if (object.maxStale != null)
                    message.maxStale = object.maxStale >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a RasSettings message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.RasSettings
             * @static
             * @param {ras.v1.RasSettings} message RasSettings
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RasSettings.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.resets = null;
                if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                    object.policy = message.policy;
                if (message.ratio != null && $Object.hasOwnProperty.call(message, "ratio")) {
                    object.ratio = options.json && !$isFinite(message.ratio) ? $String(message.ratio) : message.ratio;
                    if (options.oneofs)
                        object.sampleRatio = "ratio";
                }
                if (message.ramp != null && $Object.hasOwnProperty.call(message, "ramp")) {
                    object.ramp = $root.ras.v1.RatioRamp.toObject(message.ramp, options, _depth + 1);
                    if (options.oneofs)
                        object.sampleRatio = "ramp";
                }
                if (message.warmup != null && $Object.hasOwnProperty.call(message, "warmup"))
                    object.warmup = message.warmup;
                if (message.resets != null && $Object.hasOwnProperty.call(message, "resets"))
                    object.resets = $root.ras.v1.StepList.toObject(message.resets, options, _depth + 1);
                if (message.starvationScale != null && $Object.hasOwnProperty.call(message, "starvationScale"))
                    object.starvationScale = options.json && !$isFinite(message.starvationScale) ? $String(message.starvationScale) : message.starvationScale;
                if (message.highRatio != null && $Object.hasOwnProperty.call(message, "highRatio"))
                    object.highRatio = options.json && !$isFinite(message.highRatio) ? $String(message.highRatio) : message.highRatio;
                if (message.maxStale != null && $Object.hasOwnProperty.call(message, "maxStale"))
                    object.maxStale = message.maxStale;
                return object;
            };

            /**
             * Converts this RasSettings to JSON.
             * @function toJSON
             * @memberof ras.v1.RasSettings
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RasSettings.prototype.toJSON = function() {
                return RasSettings.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RasSettings
             * @function getTypeUrl
             * @memberof ras.v1.RasSettings
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RasSettings.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.RasSettings";
            };

            return RasSettings;
        })();

        /**
         * Image formats for previews.
         * @name ras.v1.PreviewFormat
         * @enum {number}
         * @property {number} PREVIEW_FORMAT_UNSPECIFIED=0 Server default (PNG).
         * @property {number} PREVIEW_FORMAT_PNG=1 PREVIEW_FORMAT_PNG value
         * @property {number} PREVIEW_FORMAT_JPEG=2 PREVIEW_FORMAT_JPEG value
         */
        v1.PreviewFormat = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PREVIEW_FORMAT_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PREVIEW_FORMAT_PNG"] = 1;
            values[valuesById[2] = "PREVIEW_FORMAT_JPEG"] = 2;
            return values;
        })();

        v1.PreviewOptions = (function() {

            /**
             * Properties of a PreviewOptions.
             * @typedef {Object} ras.v1.PreviewOptions.$Properties
             * @property {number} [every] A preview every `every` steps; 0 (default) sends none.
             * @property {number|null} [maxSide] Longest side of the preview image in pixels (default: full size).
             * @property {ras.v1.PreviewFormat} [format] Encoding of the preview image.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PreviewOptions.
             * @memberof ras.v1
             * @interface IPreviewOptions
             * @augments ras.v1.PreviewOptions.$Properties
             * @deprecated Use ras.v1.PreviewOptions.$Properties instead.
             */

            /**
             * Shape of a PreviewOptions.
             * @typedef {ras.v1.PreviewOptions.$Properties} ras.v1.PreviewOptions.$Shape
             */

            /**
             * Constructs a new PreviewOptions.
             * @memberof ras.v1
             * @classdesc Progressive previews of the predicted clean image.
             * @constructor
             * @param {ras.v1.PreviewOptions.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PreviewOptions = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * A preview every `every` steps; 0 (default) sends none.
             * @member {number} every
             * @memberof ras.v1.PreviewOptions
             * @instance
             */
            PreviewOptions.prototype.every = 0;

            /**
             * Longest side of the preview image in pixels (default: full size).
             * @member {number|null} maxSide
             * @memberof ras.v1.PreviewOptions
             * @instance
             */
            PreviewOptions.prototype.maxSide = null;

            /**
             * Encoding of the preview image.
             * @member {ras.v1.PreviewFormat} format
             * @memberof ras.v1.PreviewOptions
             * @instance
             */
            PreviewOptions.prototype.format = 0;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(PreviewOptions.prototype, "_maxSide", {
                get: $util.oneOfGetter($oneOfFields = ["maxSide"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new PreviewOptions instance using the specified properties.
             * @function create
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {ras.v1.PreviewOptions.$Properties=} [properties] Properties to set
             * @returns {ras.v1.PreviewOptions} PreviewOptions instance
             * @type {{
             *   (properties: ras.v1.PreviewOptions.$Shape): ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape;
             *   (properties?: ras.v1.PreviewOptions.$Properties): ras.v1.PreviewOptions;
             * }}
             */
            PreviewOptions.create = function(properties) {
                return new PreviewOptions(properties);
            };

            /**
             * Encodes the specified PreviewOptions message. Does not implicitly {@link ras.v1.PreviewOptions.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {ras.v1.PreviewOptions.$Properties} message PreviewOptions message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PreviewOptions.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.every != null && $Object.hasOwnProperty.call(message, "every") && message.every !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.every);
                if (message.maxSide != null && $Object.hasOwnProperty.call(message, "maxSide"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.maxSide);
                if (message.format != null && $Object.hasOwnProperty.call(message, "format") && message.format !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.format);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PreviewOptions message, length delimited. Does not implicitly {@link ras.v1.PreviewOptions.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {ras.v1.PreviewOptions.$Properties} message PreviewOptions message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PreviewOptions.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PreviewOptions message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape} PreviewOptions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PreviewOptions.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.PreviewOptions();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.every = value;
                            else
                                delete message.every;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.maxSide = reader.uint32();
                            message._maxSide = "maxSide";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.format = value;
                            else
                                delete message.format;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PreviewOptions message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.PreviewOptions & ras.v1.PreviewOptions.$Shape} PreviewOptions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PreviewOptions.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PreviewOptions message.
             * @function verify
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PreviewOptions.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.every != null && $Object.hasOwnProperty.call(message, "every"))
                    if (!$util.isInteger(message.every))
                        return "every: integer expected";
                if (message.maxSide != null && $Object.hasOwnProperty.call(message, "maxSide")) {
                    properties._maxSide = 1;
                    if (!$util.isInteger(message.maxSide))
                        return "maxSide: integer expected";
                }
                if (message.format != null && $Object.hasOwnProperty.call(message, "format"))
                    if (typeof message.format !== "number" || (message.format | 0) !== message.format)
                        return "format: enum value expected";
                return null;
            };

            /**
             * Creates a PreviewOptions message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.PreviewOptions} PreviewOptions
             */
            PreviewOptions.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.PreviewOptions)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.PreviewOptions: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.PreviewOptions();
                if (object.every != null)
                    if ($Number(object.every) !== 0)
                        message.every = object.every >>> 0;
                if (object.maxSide != null)
                    message.maxSide = object.maxSide >>> 0;
                if (object.format !== 0 && (typeof object.format !== "string" || $root.ras.v1.PreviewFormat[object.format] !== 0))
                    switch (object.format) {
                    case "PREVIEW_FORMAT_UNSPECIFIED":
                    case 0:
                        message.format = 0;
                        break;
                    case "PREVIEW_FORMAT_PNG":
                    case 1:
                        message.format = 1;
                        break;
                    case "PREVIEW_FORMAT_JPEG":
                    case 2:
                        message.format = 2;
                        break;
                    default:
                        if (typeof object.format === "number" && (object.format | 0) === object.format)
                            message.format = object.format;
                    }
                return message;
            };

            /**
             * Creates a plain object from a PreviewOptions message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {ras.v1.PreviewOptions} message PreviewOptions
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PreviewOptions.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.every = 0;
                    object.format = options.enums === $String ? "PREVIEW_FORMAT_UNSPECIFIED" : 0;
                }
                if (message.every != null && $Object.hasOwnProperty.call(message, "every"))
                    object.every = message.every;
                if (message.maxSide != null && $Object.hasOwnProperty.call(message, "maxSide"))
                    object.maxSide = message.maxSide;
                if (message.format != null && $Object.hasOwnProperty.call(message, "format"))
                    object.format = options.enums === $String ? $root.ras.v1.PreviewFormat[message.format] === $undefined ? message.format : $root.ras.v1.PreviewFormat[message.format] : message.format;
                return object;
            };

            /**
             * Converts this PreviewOptions to JSON.
             * @function toJSON
             * @memberof ras.v1.PreviewOptions
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PreviewOptions.prototype.toJSON = function() {
                return PreviewOptions.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PreviewOptions
             * @function getTypeUrl
             * @memberof ras.v1.PreviewOptions
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PreviewOptions.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.PreviewOptions";
            };

            return PreviewOptions;
        })();

        v1.GenerateRequest = (function() {

            /**
             * Properties of a GenerateRequest.
             * @typedef {Object} ras.v1.GenerateRequest.$Properties
             * @property {string} [model] Model name, as ListModels reports it.
             * @property {ras.v1.Condition.$Properties} [condition] The condition (required).
             * @property {ras.v1.Condition.$Properties} [negative] Negative / null condition for classifier-free guidance (default: the
             * card's null class).
             * @property {number|null} [guidance] Classifier-free guidance scale ≥ 0; 1 runs the conditional branch only
             * (default: the card's recommendation).
             * @property {number|null} [seed] Noise seed (default: chosen by the server; GetSession reports it).
             * @property {number|null} [steps] Sampling steps (default: the card's recommendation).
             * @property {number|null} [width] Image width in pixels, a multiple of the model's patch size within its
             * limits (default: the model's width; a present 0 is refused).
             * @property {number|null} [height] Image height in pixels, a multiple of the model's patch size within its
             * limits (default: the model's height; a present 0 is refused).
             * @property {ras.v1.RasSettings.$Properties} [ras] RAS settings (default: the server's).
             * @property {ras.v1.PreviewOptions.$Properties} [preview] Previews to stream (default: none). Not part of the recipe.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GenerateRequest.
             * @memberof ras.v1
             * @interface IGenerateRequest
             * @augments ras.v1.GenerateRequest.$Properties
             * @deprecated Use ras.v1.GenerateRequest.$Properties instead.
             */

            /**
             * Shape of a GenerateRequest.
             * @typedef {{
             *   model?: string;
             *   condition?: ras.v1.Condition.$Shape;
             *   negative?: ras.v1.Condition.$Shape;
             *   guidance?: number|null;
             *   seed?: number|null;
             *   steps?: number|null;
             *   width?: number|null;
             *   height?: number|null;
             *   ras?: ras.v1.RasSettings.$Shape;
             *   preview?: ras.v1.PreviewOptions.$Shape;
             *   $unknowns?: Array.<Uint8Array>;
             * }} ras.v1.GenerateRequest.$Shape
             */

            /**
             * Constructs a new GenerateRequest.
             * @memberof ras.v1
             * @classdesc Parameters of one generation; also the session's replayable recipe.
             * @constructor
             * @param {ras.v1.GenerateRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GenerateRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Model name, as ListModels reports it.
             * @member {string} model
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.model = "";

            /**
             * The condition (required).
             * @member {ras.v1.Condition} condition
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.condition = null;

            /**
             * Negative / null condition for classifier-free guidance (default: the
             * card's null class).
             * @member {ras.v1.Condition} negative
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.negative = null;

            /**
             * Classifier-free guidance scale ≥ 0; 1 runs the conditional branch only
             * (default: the card's recommendation).
             * @member {number|null} guidance
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.guidance = null;

            /**
             * Noise seed (default: chosen by the server; GetSession reports it).
             * @member {number|null} seed
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.seed = null;

            /**
             * Sampling steps (default: the card's recommendation).
             * @member {number|null} steps
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.steps = null;

            /**
             * Image width in pixels, a multiple of the model's patch size within its
             * limits (default: the model's width; a present 0 is refused).
             * @member {number|null} width
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.width = null;

            /**
             * Image height in pixels, a multiple of the model's patch size within its
             * limits (default: the model's height; a present 0 is refused).
             * @member {number|null} height
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.height = null;

            /**
             * RAS settings (default: the server's).
             * @member {ras.v1.RasSettings} ras
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.ras = null;

            /**
             * Previews to stream (default: none). Not part of the recipe.
             * @member {ras.v1.PreviewOptions} preview
             * @memberof ras.v1.GenerateRequest
             * @instance
             */
            GenerateRequest.prototype.preview = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GenerateRequest.prototype, "_guidance", {
                get: $util.oneOfGetter($oneOfFields = ["guidance"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GenerateRequest.prototype, "_seed", {
                get: $util.oneOfGetter($oneOfFields = ["seed"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GenerateRequest.prototype, "_steps", {
                get: $util.oneOfGetter($oneOfFields = ["steps"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GenerateRequest.prototype, "_width", {
                get: $util.oneOfGetter($oneOfFields = ["width"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(GenerateRequest.prototype, "_height", {
                get: $util.oneOfGetter($oneOfFields = ["height"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new GenerateRequest instance using the specified properties.
             * @function create
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {ras.v1.GenerateRequest.$Properties=} [properties] Properties to set
             * @returns {ras.v1.GenerateRequest} GenerateRequest instance
             * @type {{
             *   (properties: ras.v1.GenerateRequest.$Shape): ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape;
             *   (properties?: ras.v1.GenerateRequest.$Properties): ras.v1.GenerateRequest;
             * }}
             */
            GenerateRequest.create = function(properties) {
                return new GenerateRequest(properties);
            };

            /**
             * Encodes the specified GenerateRequest message. Does not implicitly {@link ras.v1.GenerateRequest.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {ras.v1.GenerateRequest.$Properties} message GenerateRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GenerateRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.model);
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition"))
                    $root.ras.v1.Condition.encode(message.condition, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.negative != null && $Object.hasOwnProperty.call(message, "negative"))
                    $root.ras.v1.Condition.encode(message.negative, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.guidance != null && $Object.hasOwnProperty.call(message, "guidance"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.guidance);
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.seed);
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.steps);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.height);
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras"))
                    $root.ras.v1.RasSettings.encode(message.ras, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview"))
                    $root.ras.v1.PreviewOptions.encode(message.preview, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified GenerateRequest message, length delimited. Does not implicitly {@link ras.v1.GenerateRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {ras.v1.GenerateRequest.$Properties} message GenerateRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GenerateRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a GenerateRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape} GenerateRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GenerateRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.GenerateRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.condition = $root.ras.v1.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.condition);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.negative = $root.ras.v1.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.negative);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            message.guidance = reader.double();
                            message._guidance = "guidance";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            message.seed = reader.uint32();
                            message._seed = "seed";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            message.steps = reader.uint32();
                            message._steps = "steps";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            message.width = reader.uint32();
                            message._width = "width";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            message.height = reader.uint32();
                            message._height = "height";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.ras = $root.ras.v1.RasSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.ras);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.preview = $root.ras.v1.PreviewOptions.decode(reader, reader.size(), $undefined, _depth + 1, message.preview);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a GenerateRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.GenerateRequest & ras.v1.GenerateRequest.$Shape} GenerateRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GenerateRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a GenerateRequest message.
             * @function verify
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GenerateRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition")) {
                    let error = $root.ras.v1.Condition.verify(message.condition, _depth + 1);
                    if (error)
                        return "condition." + error;
                }
                if (message.negative != null && $Object.hasOwnProperty.call(message, "negative")) {
                    let error = $root.ras.v1.Condition.verify(message.negative, _depth + 1);
                    if (error)
                        return "negative." + error;
                }
                if (message.guidance != null && $Object.hasOwnProperty.call(message, "guidance")) {
                    properties._guidance = 1;
                    if (typeof message.guidance !== "number")
                        return "guidance: number expected";
                }
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed")) {
                    properties._seed = 1;
                    if (!$util.isInteger(message.seed))
                        return "seed: integer expected";
                }
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps")) {
                    properties._steps = 1;
                    if (!$util.isInteger(message.steps))
                        return "steps: integer expected";
                }
                if (message.width != null && $Object.hasOwnProperty.call(message, "width")) {
                    properties._width = 1;
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                }
                if (message.height != null && $Object.hasOwnProperty.call(message, "height")) {
                    properties._height = 1;
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                }
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras")) {
                    let error = $root.ras.v1.RasSettings.verify(message.ras, _depth + 1);
                    if (error)
                        return "ras." + error;
                }
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview")) {
                    let error = $root.ras.v1.PreviewOptions.verify(message.preview, _depth + 1);
                    if (error)
                        return "preview." + error;
                }
                return null;
            };

            /**
             * Creates a GenerateRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.GenerateRequest} GenerateRequest
             */
            GenerateRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.GenerateRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.GenerateRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.GenerateRequest();
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.condition != null) {
                    if (!$util.isObject(object.condition))
                        throw $TypeError(".ras.v1.GenerateRequest.condition: object expected");
                    message.condition = $root.ras.v1.Condition.fromObject(object.condition, _depth + 1);
                }
                if (object.negative != null) {
                    if (!$util.isObject(object.negative))
                        throw $TypeError(".ras.v1.GenerateRequest.negative: object expected");
                    message.negative = $root.ras.v1.Condition.fromObject(object.negative, _depth + 1);
                }
                if (object.guidance != null)
                    message.guidance = $Number(object.guidance);
                if (object.seed != null)
                    message.seed = object.seed >>> 0;
                if (object.steps != null)
                    message.steps = object.steps >>> 0;
                if (object.width != null)
                    message.width = object.width >>> 0;
                if (object.height != null)
                    message.height = object.height >>> 0;
                if (object.ras != null) {
                    if (!$util.isObject(object.ras))
                        throw $TypeError(".ras.v1.GenerateRequest.ras: object expected");
                    message.ras = $root.ras.v1.RasSettings.fromObject(object.ras, _depth + 1);
                }
                if (object.preview != null) {
                    if (!$util.isObject(object.preview))
                        throw $TypeError(".ras.v1.GenerateRequest.preview: object expected");
                    message.preview = $root.ras.v1.PreviewOptions.fromObject(object.preview, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a GenerateRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {ras.v1.GenerateRequest} message GenerateRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GenerateRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.model = "";
                    object.condition = null;
                    object.negative = null;
                    object.ras = null;
                    object.preview = null;
                }
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition"))
                    object.condition = $root.ras.v1.Condition.toObject(message.condition, options, _depth + 1);
                if (message.negative != null && $Object.hasOwnProperty.call(message, "negative"))
                    object.negative = $root.ras.v1.Condition.toObject(message.negative, options, _depth + 1);
                if (message.guidance != null && $Object.hasOwnProperty.call(message, "guidance"))
                    object.guidance = options.json && !$isFinite(message.guidance) ? $String(message.guidance) : message.guidance;
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    object.seed = message.seed;
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    object.steps = message.steps;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras"))
                    object.ras = $root.ras.v1.RasSettings.toObject(message.ras, options, _depth + 1);
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview"))
                    object.preview = $root.ras.v1.PreviewOptions.toObject(message.preview, options, _depth + 1);
                return object;
            };

            /**
             * Converts this GenerateRequest to JSON.
             * @function toJSON
             * @memberof ras.v1.GenerateRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GenerateRequest.prototype.toJSON = function() {
                return GenerateRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for GenerateRequest
             * @function getTypeUrl
             * @memberof ras.v1.GenerateRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GenerateRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.GenerateRequest";
            };

            return GenerateRequest;
        })();

        v1.Rect = (function() {

            /**
             * Properties of a Rect.
             * @typedef {Object} ras.v1.Rect.$Properties
             * @property {number} [x] Left edge in pixels.
             * @property {number} [y] Top edge in pixels.
             * @property {number} [width] Width in pixels.
             * @property {number} [height] Height in pixels.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Rect.
             * @memberof ras.v1
             * @interface IRect
             * @augments ras.v1.Rect.$Properties
             * @deprecated Use ras.v1.Rect.$Properties instead.
             */

            /**
             * Shape of a Rect.
             * @typedef {ras.v1.Rect.$Properties} ras.v1.Rect.$Shape
             */

            /**
             * Constructs a new Rect.
             * @memberof ras.v1
             * @classdesc A pixel rectangle; the server snaps it to whole tokens and dilates it.
             * @constructor
             * @param {ras.v1.Rect.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Rect = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Left edge in pixels.
             * @member {number} x
             * @memberof ras.v1.Rect
             * @instance
             */
            Rect.prototype.x = 0;

            /**
             * Top edge in pixels.
             * @member {number} y
             * @memberof ras.v1.Rect
             * @instance
             */
            Rect.prototype.y = 0;

            /**
             * Width in pixels.
             * @member {number} width
             * @memberof ras.v1.Rect
             * @instance
             */
            Rect.prototype.width = 0;

            /**
             * Height in pixels.
             * @member {number} height
             * @memberof ras.v1.Rect
             * @instance
             */
            Rect.prototype.height = 0;

            /**
             * Creates a new Rect instance using the specified properties.
             * @function create
             * @memberof ras.v1.Rect
             * @static
             * @param {ras.v1.Rect.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Rect} Rect instance
             * @type {{
             *   (properties: ras.v1.Rect.$Shape): ras.v1.Rect & ras.v1.Rect.$Shape;
             *   (properties?: ras.v1.Rect.$Properties): ras.v1.Rect;
             * }}
             */
            Rect.create = function(properties) {
                return new Rect(properties);
            };

            /**
             * Encodes the specified Rect message. Does not implicitly {@link ras.v1.Rect.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Rect
             * @static
             * @param {ras.v1.Rect.$Properties} message Rect message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rect.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.x != null && $Object.hasOwnProperty.call(message, "x") && message.x !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.x);
                if (message.y != null && $Object.hasOwnProperty.call(message, "y") && message.y !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.y);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.height);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Rect message, length delimited. Does not implicitly {@link ras.v1.Rect.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Rect
             * @static
             * @param {ras.v1.Rect.$Properties} message Rect message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rect.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Rect message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Rect
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Rect & ras.v1.Rect.$Shape} Rect
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rect.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Rect();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.x = value;
                            else
                                delete message.x;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.y = value;
                            else
                                delete message.y;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Rect message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Rect
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Rect & ras.v1.Rect.$Shape} Rect
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rect.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Rect message.
             * @function verify
             * @memberof ras.v1.Rect
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Rect.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.x != null && $Object.hasOwnProperty.call(message, "x"))
                    if (!$util.isInteger(message.x))
                        return "x: integer expected";
                if (message.y != null && $Object.hasOwnProperty.call(message, "y"))
                    if (!$util.isInteger(message.y))
                        return "y: integer expected";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                return null;
            };

            /**
             * Creates a Rect message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Rect
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Rect} Rect
             */
            Rect.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Rect)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Rect: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Rect();
                if (object.x != null)
                    if ($Number(object.x) !== 0)
                        message.x = object.x >>> 0;
                if (object.y != null)
                    if ($Number(object.y) !== 0)
                        message.y = object.y >>> 0;
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Rect message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Rect
             * @static
             * @param {ras.v1.Rect} message Rect
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Rect.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.x = 0;
                    object.y = 0;
                    object.width = 0;
                    object.height = 0;
                }
                if (message.x != null && $Object.hasOwnProperty.call(message, "x"))
                    object.x = message.x;
                if (message.y != null && $Object.hasOwnProperty.call(message, "y"))
                    object.y = message.y;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                return object;
            };

            /**
             * Converts this Rect to JSON.
             * @function toJSON
             * @memberof ras.v1.Rect
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Rect.prototype.toJSON = function() {
                return Rect.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Rect
             * @function getTypeUrl
             * @memberof ras.v1.Rect
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Rect.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Rect";
            };

            return Rect;
        })();

        v1.Mask = (function() {

            /**
             * Properties of a Mask.
             * @typedef {Object} ras.v1.Mask.$Properties
             * @property {number} [width] Mask width in pixels (the image's width).
             * @property {number} [height] Mask height in pixels (the image's height).
             * @property {Uint8Array} [data] width·height bytes, row-major; non-zero marks a pixel to edit.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Mask.
             * @memberof ras.v1
             * @interface IMask
             * @augments ras.v1.Mask.$Properties
             * @deprecated Use ras.v1.Mask.$Properties instead.
             */

            /**
             * Shape of a Mask.
             * @typedef {ras.v1.Mask.$Properties} ras.v1.Mask.$Shape
             */

            /**
             * Constructs a new Mask.
             * @memberof ras.v1
             * @classdesc A region as a mask over the image.
             * @constructor
             * @param {ras.v1.Mask.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Mask = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Mask width in pixels (the image's width).
             * @member {number} width
             * @memberof ras.v1.Mask
             * @instance
             */
            Mask.prototype.width = 0;

            /**
             * Mask height in pixels (the image's height).
             * @member {number} height
             * @memberof ras.v1.Mask
             * @instance
             */
            Mask.prototype.height = 0;

            /**
             * width·height bytes, row-major; non-zero marks a pixel to edit.
             * @member {Uint8Array} data
             * @memberof ras.v1.Mask
             * @instance
             */
            Mask.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Mask instance using the specified properties.
             * @function create
             * @memberof ras.v1.Mask
             * @static
             * @param {ras.v1.Mask.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Mask} Mask instance
             * @type {{
             *   (properties: ras.v1.Mask.$Shape): ras.v1.Mask & ras.v1.Mask.$Shape;
             *   (properties?: ras.v1.Mask.$Properties): ras.v1.Mask;
             * }}
             */
            Mask.create = function(properties) {
                return new Mask(properties);
            };

            /**
             * Encodes the specified Mask message. Does not implicitly {@link ras.v1.Mask.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Mask
             * @static
             * @param {ras.v1.Mask.$Properties} message Mask message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Mask.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.height);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Mask message, length delimited. Does not implicitly {@link ras.v1.Mask.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Mask
             * @static
             * @param {ras.v1.Mask.$Properties} message Mask message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Mask.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Mask message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Mask
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Mask & ras.v1.Mask.$Shape} Mask
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Mask.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Mask();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Mask message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Mask
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Mask & ras.v1.Mask.$Shape} Mask
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Mask.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Mask message.
             * @function verify
             * @memberof ras.v1.Mask
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Mask.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                return null;
            };

            /**
             * Creates a Mask message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Mask
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Mask} Mask
             */
            Mask.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Mask)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Mask: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Mask();
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            /**
             * Creates a plain object from a Mask message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Mask
             * @static
             * @param {ras.v1.Mask} message Mask
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Mask.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.width = 0;
                    object.height = 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            /**
             * Converts this Mask to JSON.
             * @function toJSON
             * @memberof ras.v1.Mask
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Mask.prototype.toJSON = function() {
                return Mask.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Mask
             * @function getTypeUrl
             * @memberof ras.v1.Mask
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Mask.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Mask";
            };

            return Mask;
        })();

        v1.EditRequest = (function() {

            /**
             * Properties of an EditRequest.
             * @typedef {Object} ras.v1.EditRequest.$Properties
             * @property {string} [sessionId] The session to edit (from a Result).
             * @property {number|null} [version] Version to edit (default: the latest).
             * @property {Array.<ras.v1.Rect.$Properties>} [rects] The region as pixel rectangles (give rects or mask).
             * @property {ras.v1.Mask.$Properties} [mask] The region as a mask (give rects or mask).
             * @property {number|null} [margin] Dilation of the region in tokens (default 1).
             * @property {ras.v1.Condition.$Properties} [condition] New condition for the region (default: the recipe's).
             * @property {number|null} [seed] New noise seed for the region (default: the recipe's).
             * @property {ras.v1.RasSettings.$Properties} [ras] RAS settings inside the region (default: the recipe's).
             * @property {ras.v1.PreviewOptions.$Properties} [preview] Previews to stream (default: none).
             * @property {Uint8Array|null} [restoreState] Re-homing: the `session_state` of the session's latest Result. A node
             * that does not hold the session adopts it from this state (recipe and the
             * chain of edits) and rebuilds the edited version by replay; a node that
             * holds it ignores this field. A state that is not this session's, not
             * signed by the fleet, or altered is refused (INVALID_ARGUMENT /
             * PERMISSION_DENIED) and nothing is stored.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EditRequest.
             * @memberof ras.v1
             * @interface IEditRequest
             * @augments ras.v1.EditRequest.$Properties
             * @deprecated Use ras.v1.EditRequest.$Properties instead.
             */

            /**
             * Shape of an EditRequest.
             * @typedef {{
             *   sessionId?: string;
             *   version?: number|null;
             *   rects?: Array.<ras.v1.Rect.$Shape>;
             *   mask?: ras.v1.Mask.$Shape;
             *   margin?: number|null;
             *   condition?: ras.v1.Condition.$Shape;
             *   seed?: number|null;
             *   ras?: ras.v1.RasSettings.$Shape;
             *   preview?: ras.v1.PreviewOptions.$Shape;
             *   restoreState?: Uint8Array|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} ras.v1.EditRequest.$Shape
             */

            /**
             * Constructs a new EditRequest.
             * @memberof ras.v1
             * @classdesc Re-samples a region of a session's image.
             * @constructor
             * @param {ras.v1.EditRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EditRequest = function (properties) {
                this.rects = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The session to edit (from a Result).
             * @member {string} sessionId
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.sessionId = "";

            /**
             * Version to edit (default: the latest).
             * @member {number|null} version
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.version = null;

            /**
             * The region as pixel rectangles (give rects or mask).
             * @member {Array.<ras.v1.Rect>} rects
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.rects = $util.emptyArray;

            /**
             * The region as a mask (give rects or mask).
             * @member {ras.v1.Mask} mask
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.mask = null;

            /**
             * Dilation of the region in tokens (default 1).
             * @member {number|null} margin
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.margin = null;

            /**
             * New condition for the region (default: the recipe's).
             * @member {ras.v1.Condition} condition
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.condition = null;

            /**
             * New noise seed for the region (default: the recipe's).
             * @member {number|null} seed
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.seed = null;

            /**
             * RAS settings inside the region (default: the recipe's).
             * @member {ras.v1.RasSettings} ras
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.ras = null;

            /**
             * Previews to stream (default: none).
             * @member {ras.v1.PreviewOptions} preview
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.preview = null;

            /**
             * Re-homing: the `session_state` of the session's latest Result. A node
             * that does not hold the session adopts it from this state (recipe and the
             * chain of edits) and rebuilds the edited version by replay; a node that
             * holds it ignores this field. A state that is not this session's, not
             * signed by the fleet, or altered is refused (INVALID_ARGUMENT /
             * PERMISSION_DENIED) and nothing is stored.
             * @member {Uint8Array|null} restoreState
             * @memberof ras.v1.EditRequest
             * @instance
             */
            EditRequest.prototype.restoreState = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(EditRequest.prototype, "_version", {
                get: $util.oneOfGetter($oneOfFields = ["version"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(EditRequest.prototype, "_margin", {
                get: $util.oneOfGetter($oneOfFields = ["margin"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(EditRequest.prototype, "_seed", {
                get: $util.oneOfGetter($oneOfFields = ["seed"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(EditRequest.prototype, "_restoreState", {
                get: $util.oneOfGetter($oneOfFields = ["restoreState"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new EditRequest instance using the specified properties.
             * @function create
             * @memberof ras.v1.EditRequest
             * @static
             * @param {ras.v1.EditRequest.$Properties=} [properties] Properties to set
             * @returns {ras.v1.EditRequest} EditRequest instance
             * @type {{
             *   (properties: ras.v1.EditRequest.$Shape): ras.v1.EditRequest & ras.v1.EditRequest.$Shape;
             *   (properties?: ras.v1.EditRequest.$Properties): ras.v1.EditRequest;
             * }}
             */
            EditRequest.create = function(properties) {
                return new EditRequest(properties);
            };

            /**
             * Encodes the specified EditRequest message. Does not implicitly {@link ras.v1.EditRequest.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.EditRequest
             * @static
             * @param {ras.v1.EditRequest.$Properties} message EditRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EditRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.version);
                if (message.rects != null && message.rects.length)
                    for (let i = 0; i < message.rects.length; ++i)
                        $root.ras.v1.Rect.encode(message.rects[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.mask != null && $Object.hasOwnProperty.call(message, "mask"))
                    $root.ras.v1.Mask.encode(message.mask, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.margin != null && $Object.hasOwnProperty.call(message, "margin"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.margin);
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition"))
                    $root.ras.v1.Condition.encode(message.condition, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.seed);
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras"))
                    $root.ras.v1.RasSettings.encode(message.ras, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview"))
                    $root.ras.v1.PreviewOptions.encode(message.preview, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.restoreState != null && $Object.hasOwnProperty.call(message, "restoreState"))
                    writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.restoreState);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EditRequest message, length delimited. Does not implicitly {@link ras.v1.EditRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.EditRequest
             * @static
             * @param {ras.v1.EditRequest.$Properties} message EditRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EditRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EditRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.EditRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.EditRequest & ras.v1.EditRequest.$Shape} EditRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EditRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.EditRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.version = reader.uint32();
                            message._version = "version";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.rects && message.rects.length))
                                message.rects = [];
                            message.rects.push($root.ras.v1.Rect.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.mask = $root.ras.v1.Mask.decode(reader, reader.size(), $undefined, _depth + 1, message.mask);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            message.margin = reader.uint32();
                            message._margin = "margin";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.condition = $root.ras.v1.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.condition);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            message.seed = reader.uint32();
                            message._seed = "seed";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.ras = $root.ras.v1.RasSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.ras);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.preview = $root.ras.v1.PreviewOptions.decode(reader, reader.size(), $undefined, _depth + 1, message.preview);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.restoreState = reader.bytes();
                            message._restoreState = "restoreState";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EditRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.EditRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.EditRequest & ras.v1.EditRequest.$Shape} EditRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EditRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an EditRequest message.
             * @function verify
             * @memberof ras.v1.EditRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EditRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version")) {
                    properties._version = 1;
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                }
                if (message.rects != null && $Object.hasOwnProperty.call(message, "rects")) {
                    if (!$Array.isArray(message.rects))
                        return "rects: array expected";
                    for (let i = 0; i < message.rects.length; ++i) {
                        let error = $root.ras.v1.Rect.verify(message.rects[i], _depth + 1);
                        if (error)
                            return "rects." + error;
                    }
                }
                if (message.mask != null && $Object.hasOwnProperty.call(message, "mask")) {
                    let error = $root.ras.v1.Mask.verify(message.mask, _depth + 1);
                    if (error)
                        return "mask." + error;
                }
                if (message.margin != null && $Object.hasOwnProperty.call(message, "margin")) {
                    properties._margin = 1;
                    if (!$util.isInteger(message.margin))
                        return "margin: integer expected";
                }
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition")) {
                    let error = $root.ras.v1.Condition.verify(message.condition, _depth + 1);
                    if (error)
                        return "condition." + error;
                }
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed")) {
                    properties._seed = 1;
                    if (!$util.isInteger(message.seed))
                        return "seed: integer expected";
                }
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras")) {
                    let error = $root.ras.v1.RasSettings.verify(message.ras, _depth + 1);
                    if (error)
                        return "ras." + error;
                }
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview")) {
                    let error = $root.ras.v1.PreviewOptions.verify(message.preview, _depth + 1);
                    if (error)
                        return "preview." + error;
                }
                if (message.restoreState != null && $Object.hasOwnProperty.call(message, "restoreState")) {
                    properties._restoreState = 1;
                    if (!(message.restoreState && typeof message.restoreState.length === "number" || $util.isString(message.restoreState)))
                        return "restoreState: buffer expected";
                }
                return null;
            };

            /**
             * Creates an EditRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.EditRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.EditRequest} EditRequest
             */
            EditRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.EditRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.EditRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.EditRequest();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.version != null)
                    message.version = object.version >>> 0;
                if (object.rects) {
                    if (!$Array.isArray(object.rects))
                        throw $TypeError(".ras.v1.EditRequest.rects: array expected");
                    message.rects = $Array(object.rects.length);
                    for (let i = 0; i < object.rects.length; ++i) {
                        if (!$util.isObject(object.rects[i]))
                            throw $TypeError(".ras.v1.EditRequest.rects: object expected");
                        message.rects[i] = $root.ras.v1.Rect.fromObject(object.rects[i], _depth + 1);
                    }
                }
                if (object.mask != null) {
                    if (!$util.isObject(object.mask))
                        throw $TypeError(".ras.v1.EditRequest.mask: object expected");
                    message.mask = $root.ras.v1.Mask.fromObject(object.mask, _depth + 1);
                }
                if (object.margin != null)
                    message.margin = object.margin >>> 0;
                if (object.condition != null) {
                    if (!$util.isObject(object.condition))
                        throw $TypeError(".ras.v1.EditRequest.condition: object expected");
                    message.condition = $root.ras.v1.Condition.fromObject(object.condition, _depth + 1);
                }
                if (object.seed != null)
                    message.seed = object.seed >>> 0;
                if (object.ras != null) {
                    if (!$util.isObject(object.ras))
                        throw $TypeError(".ras.v1.EditRequest.ras: object expected");
                    message.ras = $root.ras.v1.RasSettings.fromObject(object.ras, _depth + 1);
                }
                if (object.preview != null) {
                    if (!$util.isObject(object.preview))
                        throw $TypeError(".ras.v1.EditRequest.preview: object expected");
                    message.preview = $root.ras.v1.PreviewOptions.fromObject(object.preview, _depth + 1);
                }
                if (object.restoreState != null)
                    if (typeof object.restoreState === "string")
                        $util.base64.decode(object.restoreState, message.restoreState = $util.newBuffer($util.base64.length(object.restoreState)), 0);
                    else if (object.restoreState.length >= 0)
                        message.restoreState = object.restoreState;
                return message;
            };

            /**
             * Creates a plain object from an EditRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.EditRequest
             * @static
             * @param {ras.v1.EditRequest} message EditRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EditRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.rects = [];
                if (options.defaults) {
                    object.sessionId = "";
                    object.mask = null;
                    object.condition = null;
                    object.ras = null;
                    object.preview = null;
                }
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.rects && message.rects.length) {
                    object.rects = $Array(message.rects.length);
                    for (let j = 0; j < message.rects.length; ++j)
                        object.rects[j] = $root.ras.v1.Rect.toObject(message.rects[j], options, _depth + 1);
                }
                if (message.mask != null && $Object.hasOwnProperty.call(message, "mask"))
                    object.mask = $root.ras.v1.Mask.toObject(message.mask, options, _depth + 1);
                if (message.margin != null && $Object.hasOwnProperty.call(message, "margin"))
                    object.margin = message.margin;
                if (message.condition != null && $Object.hasOwnProperty.call(message, "condition"))
                    object.condition = $root.ras.v1.Condition.toObject(message.condition, options, _depth + 1);
                if (message.seed != null && $Object.hasOwnProperty.call(message, "seed"))
                    object.seed = message.seed;
                if (message.ras != null && $Object.hasOwnProperty.call(message, "ras"))
                    object.ras = $root.ras.v1.RasSettings.toObject(message.ras, options, _depth + 1);
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview"))
                    object.preview = $root.ras.v1.PreviewOptions.toObject(message.preview, options, _depth + 1);
                if (message.restoreState != null && $Object.hasOwnProperty.call(message, "restoreState"))
                    object.restoreState = options.bytes === $String ? $util.base64.encode(message.restoreState, 0, message.restoreState.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.restoreState) : message.restoreState;
                return object;
            };

            /**
             * Converts this EditRequest to JSON.
             * @function toJSON
             * @memberof ras.v1.EditRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EditRequest.prototype.toJSON = function() {
                return EditRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EditRequest
             * @function getTypeUrl
             * @memberof ras.v1.EditRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EditRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.EditRequest";
            };

            return EditRequest;
        })();

        v1.Event = (function() {

            /**
             * Properties of an Event.
             * @typedef {Object} ras.v1.Event.$Properties
             * @property {ras.v1.Queued.$Properties|null} [queued] The request waits for a sampling slot.
             * @property {ras.v1.Progress.$Properties|null} [progress] A step finished.
             * @property {ras.v1.Preview.$Properties|null} [preview] A preview of the predicted clean image.
             * @property {ras.v1.Result.$Properties|null} [result] The final image; always the last event of a successful stream.
             * @property {"queued"|"progress"|"preview"|"result"} [kind] Event kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Event.
             * @memberof ras.v1
             * @interface IEvent
             * @augments ras.v1.Event.$Properties
             * @deprecated Use ras.v1.Event.$Properties instead.
             */

            /**
             * Narrowed shape of an Event.
             * @typedef {{
             *   queued?: ras.v1.Queued.$Shape|null;
             *   progress?: ras.v1.Progress.$Shape|null;
             *   preview?: ras.v1.Preview.$Shape|null;
             *   result?: ras.v1.Result.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; queued?: null; progress?: null; preview?: null; result?: null }|{ kind?: "queued"; queued: ras.v1.Queued.$Shape; progress?: null; preview?: null; result?: null }|{ kind?: "progress"; queued?: null; progress: ras.v1.Progress.$Shape; preview?: null; result?: null }|{ kind?: "preview"; queued?: null; progress?: null; preview: ras.v1.Preview.$Shape; result?: null }|{ kind?: "result"; queued?: null; progress?: null; preview?: null; result: ras.v1.Result.$Shape })
             * )} ras.v1.Event.$Shape
             */

            /**
             * Constructs a new Event.
             * @memberof ras.v1
             * @classdesc One message of a Generate or Edit stream.
             * @constructor
             * @param {ras.v1.Event.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Event = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The request waits for a sampling slot.
             * @member {ras.v1.Queued|null} queued
             * @memberof ras.v1.Event
             * @instance
             */
            Event.prototype.queued = null;

            /**
             * A step finished.
             * @member {ras.v1.Progress|null} progress
             * @memberof ras.v1.Event
             * @instance
             */
            Event.prototype.progress = null;

            /**
             * A preview of the predicted clean image.
             * @member {ras.v1.Preview|null} preview
             * @memberof ras.v1.Event
             * @instance
             */
            Event.prototype.preview = null;

            /**
             * The final image; always the last event of a successful stream.
             * @member {ras.v1.Result|null} result
             * @memberof ras.v1.Event
             * @instance
             */
            Event.prototype.result = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Event kind.
             * @member {"queued"|"progress"|"preview"|"result"|undefined} kind
             * @memberof ras.v1.Event
             * @instance
             */
            $Object.defineProperty(Event.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["queued", "progress", "preview", "result"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Event instance using the specified properties.
             * @function create
             * @memberof ras.v1.Event
             * @static
             * @param {ras.v1.Event.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Event} Event instance
             * @type {{
             *   (properties: ras.v1.Event.$Shape): ras.v1.Event & ras.v1.Event.$Shape;
             *   (properties?: ras.v1.Event.$Properties): ras.v1.Event;
             * }}
             */
            Event.create = function(properties) {
                return new Event(properties);
            };

            /**
             * Encodes the specified Event message. Does not implicitly {@link ras.v1.Event.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Event
             * @static
             * @param {ras.v1.Event.$Properties} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued"))
                    $root.ras.v1.Queued.encode(message.queued, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                    $root.ras.v1.Progress.encode(message.progress, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview"))
                    $root.ras.v1.Preview.encode(message.preview, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.result != null && $Object.hasOwnProperty.call(message, "result"))
                    $root.ras.v1.Result.encode(message.result, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Event message, length delimited. Does not implicitly {@link ras.v1.Event.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Event
             * @static
             * @param {ras.v1.Event.$Properties} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Event & ras.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Event();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.queued = $root.ras.v1.Queued.decode(reader, reader.size(), $undefined, _depth + 1, message.queued);
                            message.kind = "queued";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.progress = $root.ras.v1.Progress.decode(reader, reader.size(), $undefined, _depth + 1, message.progress);
                            message.kind = "progress";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.preview = $root.ras.v1.Preview.decode(reader, reader.size(), $undefined, _depth + 1, message.preview);
                            message.kind = "preview";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.result = $root.ras.v1.Result.decode(reader, reader.size(), $undefined, _depth + 1, message.result);
                            message.kind = "result";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Event message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Event & ras.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Event message.
             * @function verify
             * @memberof ras.v1.Event
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Event.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued")) {
                    properties.kind = 1;
                    {
                        let error = $root.ras.v1.Queued.verify(message.queued, _depth + 1);
                        if (error)
                            return "queued." + error;
                    }
                }
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    {
                        let error = $root.ras.v1.Progress.verify(message.progress, _depth + 1);
                        if (error)
                            return "progress." + error;
                    }
                }
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    {
                        let error = $root.ras.v1.Preview.verify(message.preview, _depth + 1);
                        if (error)
                            return "preview." + error;
                    }
                }
                if (message.result != null && $Object.hasOwnProperty.call(message, "result")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    {
                        let error = $root.ras.v1.Result.verify(message.result, _depth + 1);
                        if (error)
                            return "result." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Event
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Event} Event
             */
            Event.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Event)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Event: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Event();
                if (object.queued != null) {
                    if (!$util.isObject(object.queued))
                        throw $TypeError(".ras.v1.Event.queued: object expected");
                    message.queued = $root.ras.v1.Queued.fromObject(object.queued, _depth + 1);
                }
                if (object.progress != null) {
                    if (!$util.isObject(object.progress))
                        throw $TypeError(".ras.v1.Event.progress: object expected");
                    message.progress = $root.ras.v1.Progress.fromObject(object.progress, _depth + 1);
                }
                if (object.preview != null) {
                    if (!$util.isObject(object.preview))
                        throw $TypeError(".ras.v1.Event.preview: object expected");
                    message.preview = $root.ras.v1.Preview.fromObject(object.preview, _depth + 1);
                }
                if (object.result != null) {
                    if (!$util.isObject(object.result))
                        throw $TypeError(".ras.v1.Event.result: object expected");
                    message.result = $root.ras.v1.Result.fromObject(object.result, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Event
             * @static
             * @param {ras.v1.Event} message Event
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Event.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued")) {
                    object.queued = $root.ras.v1.Queued.toObject(message.queued, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "queued";
                }
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress")) {
                    object.progress = $root.ras.v1.Progress.toObject(message.progress, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "progress";
                }
                if (message.preview != null && $Object.hasOwnProperty.call(message, "preview")) {
                    object.preview = $root.ras.v1.Preview.toObject(message.preview, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "preview";
                }
                if (message.result != null && $Object.hasOwnProperty.call(message, "result")) {
                    object.result = $root.ras.v1.Result.toObject(message.result, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "result";
                }
                return object;
            };

            /**
             * Converts this Event to JSON.
             * @function toJSON
             * @memberof ras.v1.Event
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Event.prototype.toJSON = function() {
                return Event.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Event
             * @function getTypeUrl
             * @memberof ras.v1.Event
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Event.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Event";
            };

            return Event;
        })();

        v1.Queued = (function() {

            /**
             * Properties of a Queued.
             * @typedef {Object} ras.v1.Queued.$Properties
             * @property {number} [position] Requests ahead of this one (0: next).
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Queued.
             * @memberof ras.v1
             * @interface IQueued
             * @augments ras.v1.Queued.$Properties
             * @deprecated Use ras.v1.Queued.$Properties instead.
             */

            /**
             * Shape of a Queued.
             * @typedef {ras.v1.Queued.$Properties} ras.v1.Queued.$Shape
             */

            /**
             * Constructs a new Queued.
             * @memberof ras.v1
             * @classdesc The request is queued behind others.
             * @constructor
             * @param {ras.v1.Queued.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Queued = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Requests ahead of this one (0: next).
             * @member {number} position
             * @memberof ras.v1.Queued
             * @instance
             */
            Queued.prototype.position = 0;

            /**
             * Creates a new Queued instance using the specified properties.
             * @function create
             * @memberof ras.v1.Queued
             * @static
             * @param {ras.v1.Queued.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Queued} Queued instance
             * @type {{
             *   (properties: ras.v1.Queued.$Shape): ras.v1.Queued & ras.v1.Queued.$Shape;
             *   (properties?: ras.v1.Queued.$Properties): ras.v1.Queued;
             * }}
             */
            Queued.create = function(properties) {
                return new Queued(properties);
            };

            /**
             * Encodes the specified Queued message. Does not implicitly {@link ras.v1.Queued.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Queued
             * @static
             * @param {ras.v1.Queued.$Properties} message Queued message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Queued.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.position != null && $Object.hasOwnProperty.call(message, "position") && message.position !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.position);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Queued message, length delimited. Does not implicitly {@link ras.v1.Queued.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Queued
             * @static
             * @param {ras.v1.Queued.$Properties} message Queued message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Queued.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Queued message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Queued
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Queued & ras.v1.Queued.$Shape} Queued
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Queued.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Queued();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.position = value;
                            else
                                delete message.position;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Queued message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Queued
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Queued & ras.v1.Queued.$Shape} Queued
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Queued.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Queued message.
             * @function verify
             * @memberof ras.v1.Queued
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Queued.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.position != null && $Object.hasOwnProperty.call(message, "position"))
                    if (!$util.isInteger(message.position))
                        return "position: integer expected";
                return null;
            };

            /**
             * Creates a Queued message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Queued
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Queued} Queued
             */
            Queued.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Queued)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Queued: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Queued();
                if (object.position != null)
                    if ($Number(object.position) !== 0)
                        message.position = object.position >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Queued message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Queued
             * @static
             * @param {ras.v1.Queued} message Queued
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Queued.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.position = 0;
                if (message.position != null && $Object.hasOwnProperty.call(message, "position"))
                    object.position = message.position;
                return object;
            };

            /**
             * Converts this Queued to JSON.
             * @function toJSON
             * @memberof ras.v1.Queued
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Queued.prototype.toJSON = function() {
                return Queued.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Queued
             * @function getTypeUrl
             * @memberof ras.v1.Queued
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Queued.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Queued";
            };

            return Queued;
        })();

        /**
         * How a step ran.
         * @name ras.v1.StepKind
         * @enum {number}
         * @property {number} STEP_KIND_UNSPECIFIED=0 STEP_KIND_UNSPECIFIED value
         * @property {number} STEP_KIND_DENSE=1 Every token ran (warm-up, error reset, or RAS off).
         * @property {number} STEP_KIND_RAS=2 Only the selected tokens ran.
         */
        v1.StepKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STEP_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "STEP_KIND_DENSE"] = 1;
            values[valuesById[2] = "STEP_KIND_RAS"] = 2;
            return values;
        })();

        v1.Progress = (function() {

            /**
             * Properties of a Progress.
             * @typedef {Object} ras.v1.Progress.$Properties
             * @property {number} [step] 0-based index of the finished step.
             * @property {number} [steps] Total steps.
             * @property {ras.v1.StepKind} [kind] Dense or RAS.
             * @property {number} [tokensRun] Tokens run through the model at this step.
             * @property {number} [tokens] Tokens in the image.
             * @property {number} [stepMs] Wall time of the step in milliseconds.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Progress.
             * @memberof ras.v1
             * @interface IProgress
             * @augments ras.v1.Progress.$Properties
             * @deprecated Use ras.v1.Progress.$Properties instead.
             */

            /**
             * Shape of a Progress.
             * @typedef {ras.v1.Progress.$Properties} ras.v1.Progress.$Shape
             */

            /**
             * Constructs a new Progress.
             * @memberof ras.v1
             * @classdesc A sampling step finished.
             * @constructor
             * @param {ras.v1.Progress.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Progress = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * 0-based index of the finished step.
             * @member {number} step
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.step = 0;

            /**
             * Total steps.
             * @member {number} steps
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.steps = 0;

            /**
             * Dense or RAS.
             * @member {ras.v1.StepKind} kind
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.kind = 0;

            /**
             * Tokens run through the model at this step.
             * @member {number} tokensRun
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.tokensRun = 0;

            /**
             * Tokens in the image.
             * @member {number} tokens
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.tokens = 0;

            /**
             * Wall time of the step in milliseconds.
             * @member {number} stepMs
             * @memberof ras.v1.Progress
             * @instance
             */
            Progress.prototype.stepMs = 0;

            /**
             * Creates a new Progress instance using the specified properties.
             * @function create
             * @memberof ras.v1.Progress
             * @static
             * @param {ras.v1.Progress.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Progress} Progress instance
             * @type {{
             *   (properties: ras.v1.Progress.$Shape): ras.v1.Progress & ras.v1.Progress.$Shape;
             *   (properties?: ras.v1.Progress.$Properties): ras.v1.Progress;
             * }}
             */
            Progress.create = function(properties) {
                return new Progress(properties);
            };

            /**
             * Encodes the specified Progress message. Does not implicitly {@link ras.v1.Progress.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Progress
             * @static
             * @param {ras.v1.Progress.$Properties} message Progress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Progress.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.step != null && $Object.hasOwnProperty.call(message, "step") && message.step !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.step);
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps") && message.steps !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.steps);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.kind);
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun") && message.tokensRun !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.tokensRun);
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens") && message.tokens !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.tokens);
                if (message.stepMs != null && $Object.hasOwnProperty.call(message, "stepMs") && !$Object.is(message.stepMs, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.stepMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Progress message, length delimited. Does not implicitly {@link ras.v1.Progress.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Progress
             * @static
             * @param {ras.v1.Progress.$Properties} message Progress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Progress.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Progress message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Progress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Progress & ras.v1.Progress.$Shape} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Progress.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Progress();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.step = value;
                            else
                                delete message.step;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.steps = value;
                            else
                                delete message.steps;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokensRun = value;
                            else
                                delete message.tokensRun;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokens = value;
                            else
                                delete message.tokens;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.stepMs = value;
                            else
                                delete message.stepMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Progress message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Progress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Progress & ras.v1.Progress.$Shape} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Progress.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Progress message.
             * @function verify
             * @memberof ras.v1.Progress
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Progress.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                    if (!$util.isInteger(message.step))
                        return "step: integer expected";
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    if (!$util.isInteger(message.steps))
                        return "steps: integer expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun"))
                    if (!$util.isInteger(message.tokensRun))
                        return "tokensRun: integer expected";
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    if (!$util.isInteger(message.tokens))
                        return "tokens: integer expected";
                if (message.stepMs != null && $Object.hasOwnProperty.call(message, "stepMs"))
                    if (typeof message.stepMs !== "number")
                        return "stepMs: number expected";
                return null;
            };

            /**
             * Creates a Progress message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Progress
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Progress} Progress
             */
            Progress.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Progress)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Progress: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Progress();
                if (object.step != null)
                    if ($Number(object.step) !== 0)
                        message.step = object.step >>> 0;
                if (object.steps != null)
                    if ($Number(object.steps) !== 0)
                        message.steps = object.steps >>> 0;
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.ras.v1.StepKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "STEP_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "STEP_KIND_DENSE":
                    case 1:
                        message.kind = 1;
                        break;
                    case "STEP_KIND_RAS":
                    case 2:
                        message.kind = 2;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.tokensRun != null)
                    if ($Number(object.tokensRun) !== 0)
                        message.tokensRun = object.tokensRun >>> 0;
                if (object.tokens != null)
                    if ($Number(object.tokens) !== 0)
                        message.tokens = object.tokens >>> 0;
                if (object.stepMs != null)
                    if (!$Object.is($Number(object.stepMs), 0))
                        message.stepMs = $Number(object.stepMs);
                return message;
            };

            /**
             * Creates a plain object from a Progress message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Progress
             * @static
             * @param {ras.v1.Progress} message Progress
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Progress.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.step = 0;
                    object.steps = 0;
                    object.kind = options.enums === $String ? "STEP_KIND_UNSPECIFIED" : 0;
                    object.tokensRun = 0;
                    object.tokens = 0;
                    object.stepMs = 0;
                }
                if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                    object.step = message.step;
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    object.steps = message.steps;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.ras.v1.StepKind[message.kind] === $undefined ? message.kind : $root.ras.v1.StepKind[message.kind] : message.kind;
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun"))
                    object.tokensRun = message.tokensRun;
                if (message.tokens != null && $Object.hasOwnProperty.call(message, "tokens"))
                    object.tokens = message.tokens;
                if (message.stepMs != null && $Object.hasOwnProperty.call(message, "stepMs"))
                    object.stepMs = options.json && !$isFinite(message.stepMs) ? $String(message.stepMs) : message.stepMs;
                return object;
            };

            /**
             * Converts this Progress to JSON.
             * @function toJSON
             * @memberof ras.v1.Progress
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Progress.prototype.toJSON = function() {
                return Progress.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Progress
             * @function getTypeUrl
             * @memberof ras.v1.Progress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Progress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Progress";
            };

            return Progress;
        })();

        v1.Preview = (function() {

            /**
             * Properties of a Preview.
             * @typedef {Object} ras.v1.Preview.$Properties
             * @property {number} [step] 0-based step index.
             * @property {Uint8Array} [image] Encoded image.
             * @property {string} [mime] Its media type, "image/png" or "image/jpeg".
             * @property {number} [width] Preview width in pixels.
             * @property {number} [height] Preview height in pixels.
             * @property {Uint8Array} [focus] Focus map: grid_rows·grid_cols bytes, row-major, 1 where the token was
             * computed at this step, 0 where its cached velocity was reused.
             * @property {number} [gridRows] Token grid rows.
             * @property {number} [gridCols] Token grid columns.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Preview.
             * @memberof ras.v1
             * @interface IPreview
             * @augments ras.v1.Preview.$Properties
             * @deprecated Use ras.v1.Preview.$Properties instead.
             */

            /**
             * Shape of a Preview.
             * @typedef {ras.v1.Preview.$Properties} ras.v1.Preview.$Shape
             */

            /**
             * Constructs a new Preview.
             * @memberof ras.v1
             * @classdesc The predicted clean image after a step, and where the step looked.
             * @constructor
             * @param {ras.v1.Preview.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Preview = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * 0-based step index.
             * @member {number} step
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.step = 0;

            /**
             * Encoded image.
             * @member {Uint8Array} image
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.image = $util.newBuffer([]);

            /**
             * Its media type, "image/png" or "image/jpeg".
             * @member {string} mime
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.mime = "";

            /**
             * Preview width in pixels.
             * @member {number} width
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.width = 0;

            /**
             * Preview height in pixels.
             * @member {number} height
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.height = 0;

            /**
             * Focus map: grid_rows·grid_cols bytes, row-major, 1 where the token was
             * computed at this step, 0 where its cached velocity was reused.
             * @member {Uint8Array} focus
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.focus = $util.newBuffer([]);

            /**
             * Token grid rows.
             * @member {number} gridRows
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.gridRows = 0;

            /**
             * Token grid columns.
             * @member {number} gridCols
             * @memberof ras.v1.Preview
             * @instance
             */
            Preview.prototype.gridCols = 0;

            /**
             * Creates a new Preview instance using the specified properties.
             * @function create
             * @memberof ras.v1.Preview
             * @static
             * @param {ras.v1.Preview.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Preview} Preview instance
             * @type {{
             *   (properties: ras.v1.Preview.$Shape): ras.v1.Preview & ras.v1.Preview.$Shape;
             *   (properties?: ras.v1.Preview.$Properties): ras.v1.Preview;
             * }}
             */
            Preview.create = function(properties) {
                return new Preview(properties);
            };

            /**
             * Encodes the specified Preview message. Does not implicitly {@link ras.v1.Preview.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Preview
             * @static
             * @param {ras.v1.Preview.$Properties} message Preview message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Preview.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.step != null && $Object.hasOwnProperty.call(message, "step") && message.step !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.step);
                if (message.image != null && $Object.hasOwnProperty.call(message, "image") && message.image.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.image);
                if (message.mime != null && $Object.hasOwnProperty.call(message, "mime") && message.mime !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.mime);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.height);
                if (message.focus != null && $Object.hasOwnProperty.call(message, "focus") && message.focus.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.focus);
                if (message.gridRows != null && $Object.hasOwnProperty.call(message, "gridRows") && message.gridRows !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.gridRows);
                if (message.gridCols != null && $Object.hasOwnProperty.call(message, "gridCols") && message.gridCols !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.gridCols);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Preview message, length delimited. Does not implicitly {@link ras.v1.Preview.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Preview
             * @static
             * @param {ras.v1.Preview.$Properties} message Preview message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Preview.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Preview message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Preview
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Preview & ras.v1.Preview.$Shape} Preview
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Preview.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Preview();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.step = value;
                            else
                                delete message.step;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.image = value;
                            else
                                delete message.image;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mime = value;
                            else
                                delete message.mime;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.focus = value;
                            else
                                delete message.focus;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gridRows = value;
                            else
                                delete message.gridRows;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gridCols = value;
                            else
                                delete message.gridCols;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Preview message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Preview
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Preview & ras.v1.Preview.$Shape} Preview
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Preview.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Preview message.
             * @function verify
             * @memberof ras.v1.Preview
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Preview.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                    if (!$util.isInteger(message.step))
                        return "step: integer expected";
                if (message.image != null && $Object.hasOwnProperty.call(message, "image"))
                    if (!(message.image && typeof message.image.length === "number" || $util.isString(message.image)))
                        return "image: buffer expected";
                if (message.mime != null && $Object.hasOwnProperty.call(message, "mime"))
                    if (!$util.isString(message.mime))
                        return "mime: string expected";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                if (message.focus != null && $Object.hasOwnProperty.call(message, "focus"))
                    if (!(message.focus && typeof message.focus.length === "number" || $util.isString(message.focus)))
                        return "focus: buffer expected";
                if (message.gridRows != null && $Object.hasOwnProperty.call(message, "gridRows"))
                    if (!$util.isInteger(message.gridRows))
                        return "gridRows: integer expected";
                if (message.gridCols != null && $Object.hasOwnProperty.call(message, "gridCols"))
                    if (!$util.isInteger(message.gridCols))
                        return "gridCols: integer expected";
                return null;
            };

            /**
             * Creates a Preview message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Preview
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Preview} Preview
             */
            Preview.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Preview)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Preview: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Preview();
                if (object.step != null)
                    if ($Number(object.step) !== 0)
                        message.step = object.step >>> 0;
                if (object.image != null)
                    if (object.image.length)
                        if (typeof object.image === "string")
                            $util.base64.decode(object.image, message.image = $util.newBuffer($util.base64.length(object.image)), 0);
                        else if (object.image.length >= 0)
                            message.image = object.image;
                if (object.mime != null)
                    if (typeof object.mime !== "string" || object.mime.length)
                        message.mime = $String(object.mime);
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.focus != null)
                    if (object.focus.length)
                        if (typeof object.focus === "string")
                            $util.base64.decode(object.focus, message.focus = $util.newBuffer($util.base64.length(object.focus)), 0);
                        else if (object.focus.length >= 0)
                            message.focus = object.focus;
                if (object.gridRows != null)
                    if ($Number(object.gridRows) !== 0)
                        message.gridRows = object.gridRows >>> 0;
                if (object.gridCols != null)
                    if ($Number(object.gridCols) !== 0)
                        message.gridCols = object.gridCols >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Preview message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Preview
             * @static
             * @param {ras.v1.Preview} message Preview
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Preview.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.step = 0;
                    if (options.bytes === $String)
                        object.image = "";
                    else {
                        object.image = [];
                        if (options.bytes !== $Array)
                            object.image = $util.newBuffer(object.image);
                    }
                    object.mime = "";
                    object.width = 0;
                    object.height = 0;
                    if (options.bytes === $String)
                        object.focus = "";
                    else {
                        object.focus = [];
                        if (options.bytes !== $Array)
                            object.focus = $util.newBuffer(object.focus);
                    }
                    object.gridRows = 0;
                    object.gridCols = 0;
                }
                if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                    object.step = message.step;
                if (message.image != null && $Object.hasOwnProperty.call(message, "image"))
                    object.image = options.bytes === $String ? $util.base64.encode(message.image, 0, message.image.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.image) : message.image;
                if (message.mime != null && $Object.hasOwnProperty.call(message, "mime"))
                    object.mime = message.mime;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.focus != null && $Object.hasOwnProperty.call(message, "focus"))
                    object.focus = options.bytes === $String ? $util.base64.encode(message.focus, 0, message.focus.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.focus) : message.focus;
                if (message.gridRows != null && $Object.hasOwnProperty.call(message, "gridRows"))
                    object.gridRows = message.gridRows;
                if (message.gridCols != null && $Object.hasOwnProperty.call(message, "gridCols"))
                    object.gridCols = message.gridCols;
                return object;
            };

            /**
             * Converts this Preview to JSON.
             * @function toJSON
             * @memberof ras.v1.Preview
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Preview.prototype.toJSON = function() {
                return Preview.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Preview
             * @function getTypeUrl
             * @memberof ras.v1.Preview
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Preview.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Preview";
            };

            return Preview;
        })();

        v1.Timings = (function() {

            /**
             * Properties of a Timings.
             * @typedef {Object} ras.v1.Timings.$Properties
             * @property {number} [queueMs] Time spent waiting for a sampling slot, in milliseconds.
             * @property {number} [totalMs] Time from admission to the result, in milliseconds.
             * @property {Array.<number>} [stepMs] Wall time of each step, in milliseconds.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Timings.
             * @memberof ras.v1
             * @interface ITimings
             * @augments ras.v1.Timings.$Properties
             * @deprecated Use ras.v1.Timings.$Properties instead.
             */

            /**
             * Shape of a Timings.
             * @typedef {ras.v1.Timings.$Properties} ras.v1.Timings.$Shape
             */

            /**
             * Constructs a new Timings.
             * @memberof ras.v1
             * @classdesc Where the time went.
             * @constructor
             * @param {ras.v1.Timings.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Timings = function (properties) {
                this.stepMs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Time spent waiting for a sampling slot, in milliseconds.
             * @member {number} queueMs
             * @memberof ras.v1.Timings
             * @instance
             */
            Timings.prototype.queueMs = 0;

            /**
             * Time from admission to the result, in milliseconds.
             * @member {number} totalMs
             * @memberof ras.v1.Timings
             * @instance
             */
            Timings.prototype.totalMs = 0;

            /**
             * Wall time of each step, in milliseconds.
             * @member {Array.<number>} stepMs
             * @memberof ras.v1.Timings
             * @instance
             */
            Timings.prototype.stepMs = $util.emptyArray;

            /**
             * Creates a new Timings instance using the specified properties.
             * @function create
             * @memberof ras.v1.Timings
             * @static
             * @param {ras.v1.Timings.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Timings} Timings instance
             * @type {{
             *   (properties: ras.v1.Timings.$Shape): ras.v1.Timings & ras.v1.Timings.$Shape;
             *   (properties?: ras.v1.Timings.$Properties): ras.v1.Timings;
             * }}
             */
            Timings.create = function(properties) {
                return new Timings(properties);
            };

            /**
             * Encodes the specified Timings message. Does not implicitly {@link ras.v1.Timings.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Timings
             * @static
             * @param {ras.v1.Timings.$Properties} message Timings message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timings.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs") && !$Object.is(message.queueMs, 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.queueMs);
                if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs") && !$Object.is(message.totalMs, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.totalMs);
                if (message.stepMs != null && message.stepMs.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).doubles(message.stepMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Timings message, length delimited. Does not implicitly {@link ras.v1.Timings.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Timings
             * @static
             * @param {ras.v1.Timings.$Properties} message Timings message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timings.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Timings message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Timings
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Timings & ras.v1.Timings.$Shape} Timings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timings.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Timings();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.queueMs = value;
                            else
                                delete message.queueMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.totalMs = value;
                            else
                                delete message.totalMs;
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.stepMs && message.stepMs.length))
                                    message.stepMs = [];
                                reader.doubles(message.stepMs);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.stepMs && message.stepMs.length))
                                message.stepMs = [];
                            message.stepMs.push(reader.double());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Timings message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Timings
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Timings & ras.v1.Timings.$Shape} Timings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timings.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Timings message.
             * @function verify
             * @memberof ras.v1.Timings
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Timings.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs"))
                    if (typeof message.queueMs !== "number")
                        return "queueMs: number expected";
                if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs"))
                    if (typeof message.totalMs !== "number")
                        return "totalMs: number expected";
                if (message.stepMs != null && $Object.hasOwnProperty.call(message, "stepMs")) {
                    if (!$Array.isArray(message.stepMs))
                        return "stepMs: array expected";
                    for (let i = 0; i < message.stepMs.length; ++i)
                        if (typeof message.stepMs[i] !== "number")
                            return "stepMs: number[] expected";
                }
                return null;
            };

            /**
             * Creates a Timings message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Timings
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Timings} Timings
             */
            Timings.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Timings)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Timings: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Timings();
                if (object.queueMs != null)
                    if (!$Object.is($Number(object.queueMs), 0))
                        message.queueMs = $Number(object.queueMs);
                if (object.totalMs != null)
                    if (!$Object.is($Number(object.totalMs), 0))
                        message.totalMs = $Number(object.totalMs);
                if (object.stepMs) {
                    if (!$Array.isArray(object.stepMs))
                        throw $TypeError(".ras.v1.Timings.stepMs: array expected");
                    message.stepMs = $Array(object.stepMs.length);
                    for (let i = 0; i < object.stepMs.length; ++i)
                        message.stepMs[i] = $Number(object.stepMs[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a Timings message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Timings
             * @static
             * @param {ras.v1.Timings} message Timings
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Timings.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.stepMs = [];
                if (options.defaults) {
                    object.queueMs = 0;
                    object.totalMs = 0;
                }
                if (message.queueMs != null && $Object.hasOwnProperty.call(message, "queueMs"))
                    object.queueMs = options.json && !$isFinite(message.queueMs) ? $String(message.queueMs) : message.queueMs;
                if (message.totalMs != null && $Object.hasOwnProperty.call(message, "totalMs"))
                    object.totalMs = options.json && !$isFinite(message.totalMs) ? $String(message.totalMs) : message.totalMs;
                if (message.stepMs && message.stepMs.length) {
                    object.stepMs = $Array(message.stepMs.length);
                    for (let j = 0; j < message.stepMs.length; ++j)
                        object.stepMs[j] = options.json && !$isFinite(message.stepMs[j]) ? $String(message.stepMs[j]) : message.stepMs[j];
                }
                return object;
            };

            /**
             * Converts this Timings to JSON.
             * @function toJSON
             * @memberof ras.v1.Timings
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Timings.prototype.toJSON = function() {
                return Timings.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Timings
             * @function getTypeUrl
             * @memberof ras.v1.Timings
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Timings.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Timings";
            };

            return Timings;
        })();

        v1.Result = (function() {

            /**
             * Properties of a Result.
             * @typedef {Object} ras.v1.Result.$Properties
             * @property {string} [sessionId] The session this image belongs to (new for Generate, same for Edit).
             * @property {number} [version] The version within the session (1 for a generation; edits count up).
             * @property {Uint8Array} [png] The image as PNG.
             * @property {number} [width] Image width in pixels.
             * @property {number} [height] Image height in pixels.
             * @property {ras.v1.Timings.$Properties} [timings] Queue wait, total and per-step times.
             * @property {number} [tokensRun] Token evaluations run, summed over the steps.
             * @property {number} [tokensTotal] Token evaluations a dense run would have made (tokens × steps).
             * @property {Uint8Array} [sessionState] Opaque session state (recipe and the chain of edits), signed by the node
             * fleet: a few hundred bytes to a few KiB, never more than 192 KiB. Keep it
             * with the session; pass it as EditRequest.restore_state to re-home the
             * session on another node. A client cannot forge or alter it.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Result.
             * @memberof ras.v1
             * @interface IResult
             * @augments ras.v1.Result.$Properties
             * @deprecated Use ras.v1.Result.$Properties instead.
             */

            /**
             * Shape of a Result.
             * @typedef {ras.v1.Result.$Properties} ras.v1.Result.$Shape
             */

            /**
             * Constructs a new Result.
             * @memberof ras.v1
             * @classdesc The finished image.
             * @constructor
             * @param {ras.v1.Result.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Result = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The session this image belongs to (new for Generate, same for Edit).
             * @member {string} sessionId
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.sessionId = "";

            /**
             * The version within the session (1 for a generation; edits count up).
             * @member {number} version
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.version = 0;

            /**
             * The image as PNG.
             * @member {Uint8Array} png
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.png = $util.newBuffer([]);

            /**
             * Image width in pixels.
             * @member {number} width
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.width = 0;

            /**
             * Image height in pixels.
             * @member {number} height
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.height = 0;

            /**
             * Queue wait, total and per-step times.
             * @member {ras.v1.Timings} timings
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.timings = null;

            /**
             * Token evaluations run, summed over the steps.
             * @member {number} tokensRun
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.tokensRun = 0;

            /**
             * Token evaluations a dense run would have made (tokens × steps).
             * @member {number} tokensTotal
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.tokensTotal = 0;

            /**
             * Opaque session state (recipe and the chain of edits), signed by the node
             * fleet: a few hundred bytes to a few KiB, never more than 192 KiB. Keep it
             * with the session; pass it as EditRequest.restore_state to re-home the
             * session on another node. A client cannot forge or alter it.
             * @member {Uint8Array} sessionState
             * @memberof ras.v1.Result
             * @instance
             */
            Result.prototype.sessionState = $util.newBuffer([]);

            /**
             * Creates a new Result instance using the specified properties.
             * @function create
             * @memberof ras.v1.Result
             * @static
             * @param {ras.v1.Result.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Result} Result instance
             * @type {{
             *   (properties: ras.v1.Result.$Shape): ras.v1.Result & ras.v1.Result.$Shape;
             *   (properties?: ras.v1.Result.$Properties): ras.v1.Result;
             * }}
             */
            Result.create = function(properties) {
                return new Result(properties);
            };

            /**
             * Encodes the specified Result message. Does not implicitly {@link ras.v1.Result.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Result
             * @static
             * @param {ras.v1.Result.$Properties} message Result message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Result.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.version);
                if (message.png != null && $Object.hasOwnProperty.call(message, "png") && message.png.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.png);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.height);
                if (message.timings != null && $Object.hasOwnProperty.call(message, "timings"))
                    $root.ras.v1.Timings.encode(message.timings, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun") && message.tokensRun !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.tokensRun);
                if (message.tokensTotal != null && $Object.hasOwnProperty.call(message, "tokensTotal") && message.tokensTotal !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.tokensTotal);
                if (message.sessionState != null && $Object.hasOwnProperty.call(message, "sessionState") && message.sessionState.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.sessionState);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Result message, length delimited. Does not implicitly {@link ras.v1.Result.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Result
             * @static
             * @param {ras.v1.Result.$Properties} message Result message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Result.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Result message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Result
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Result & ras.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Result.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Result();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.png = value;
                            else
                                delete message.png;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.timings = $root.ras.v1.Timings.decode(reader, reader.size(), $undefined, _depth + 1, message.timings);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokensRun = value;
                            else
                                delete message.tokensRun;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tokensTotal = value;
                            else
                                delete message.tokensTotal;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.sessionState = value;
                            else
                                delete message.sessionState;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Result message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Result
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Result & ras.v1.Result.$Shape} Result
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Result.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Result message.
             * @function verify
             * @memberof ras.v1.Result
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Result.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                if (message.png != null && $Object.hasOwnProperty.call(message, "png"))
                    if (!(message.png && typeof message.png.length === "number" || $util.isString(message.png)))
                        return "png: buffer expected";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                if (message.timings != null && $Object.hasOwnProperty.call(message, "timings")) {
                    let error = $root.ras.v1.Timings.verify(message.timings, _depth + 1);
                    if (error)
                        return "timings." + error;
                }
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun"))
                    if (!$util.isInteger(message.tokensRun))
                        return "tokensRun: integer expected";
                if (message.tokensTotal != null && $Object.hasOwnProperty.call(message, "tokensTotal"))
                    if (!$util.isInteger(message.tokensTotal))
                        return "tokensTotal: integer expected";
                if (message.sessionState != null && $Object.hasOwnProperty.call(message, "sessionState"))
                    if (!(message.sessionState && typeof message.sessionState.length === "number" || $util.isString(message.sessionState)))
                        return "sessionState: buffer expected";
                return null;
            };

            /**
             * Creates a Result message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Result
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Result} Result
             */
            Result.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Result)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Result: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Result();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.png != null)
                    if (object.png.length)
                        if (typeof object.png === "string")
                            $util.base64.decode(object.png, message.png = $util.newBuffer($util.base64.length(object.png)), 0);
                        else if (object.png.length >= 0)
                            message.png = object.png;
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.timings != null) {
                    if (!$util.isObject(object.timings))
                        throw $TypeError(".ras.v1.Result.timings: object expected");
                    message.timings = $root.ras.v1.Timings.fromObject(object.timings, _depth + 1);
                }
                if (object.tokensRun != null)
                    if ($Number(object.tokensRun) !== 0)
                        message.tokensRun = object.tokensRun >>> 0;
                if (object.tokensTotal != null)
                    if ($Number(object.tokensTotal) !== 0)
                        message.tokensTotal = object.tokensTotal >>> 0;
                if (object.sessionState != null)
                    if (object.sessionState.length)
                        if (typeof object.sessionState === "string")
                            $util.base64.decode(object.sessionState, message.sessionState = $util.newBuffer($util.base64.length(object.sessionState)), 0);
                        else if (object.sessionState.length >= 0)
                            message.sessionState = object.sessionState;
                return message;
            };

            /**
             * Creates a plain object from a Result message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Result
             * @static
             * @param {ras.v1.Result} message Result
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Result.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sessionId = "";
                    object.version = 0;
                    if (options.bytes === $String)
                        object.png = "";
                    else {
                        object.png = [];
                        if (options.bytes !== $Array)
                            object.png = $util.newBuffer(object.png);
                    }
                    object.width = 0;
                    object.height = 0;
                    object.timings = null;
                    object.tokensRun = 0;
                    object.tokensTotal = 0;
                    if (options.bytes === $String)
                        object.sessionState = "";
                    else {
                        object.sessionState = [];
                        if (options.bytes !== $Array)
                            object.sessionState = $util.newBuffer(object.sessionState);
                    }
                }
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.png != null && $Object.hasOwnProperty.call(message, "png"))
                    object.png = options.bytes === $String ? $util.base64.encode(message.png, 0, message.png.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.png) : message.png;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.timings != null && $Object.hasOwnProperty.call(message, "timings"))
                    object.timings = $root.ras.v1.Timings.toObject(message.timings, options, _depth + 1);
                if (message.tokensRun != null && $Object.hasOwnProperty.call(message, "tokensRun"))
                    object.tokensRun = message.tokensRun;
                if (message.tokensTotal != null && $Object.hasOwnProperty.call(message, "tokensTotal"))
                    object.tokensTotal = message.tokensTotal;
                if (message.sessionState != null && $Object.hasOwnProperty.call(message, "sessionState"))
                    object.sessionState = options.bytes === $String ? $util.base64.encode(message.sessionState, 0, message.sessionState.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionState) : message.sessionState;
                return object;
            };

            /**
             * Converts this Result to JSON.
             * @function toJSON
             * @memberof ras.v1.Result
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Result.prototype.toJSON = function() {
                return Result.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Result
             * @function getTypeUrl
             * @memberof ras.v1.Result
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Result.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Result";
            };

            return Result;
        })();

        v1.GetSessionRequest = (function() {

            /**
             * Properties of a GetSessionRequest.
             * @typedef {Object} ras.v1.GetSessionRequest.$Properties
             * @property {string} [sessionId] The session id from a Result (a UUID; anything else is INVALID_ARGUMENT).
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GetSessionRequest.
             * @memberof ras.v1
             * @interface IGetSessionRequest
             * @augments ras.v1.GetSessionRequest.$Properties
             * @deprecated Use ras.v1.GetSessionRequest.$Properties instead.
             */

            /**
             * Shape of a GetSessionRequest.
             * @typedef {ras.v1.GetSessionRequest.$Properties} ras.v1.GetSessionRequest.$Shape
             */

            /**
             * Constructs a new GetSessionRequest.
             * @memberof ras.v1
             * @classdesc Names a session.
             * @constructor
             * @param {ras.v1.GetSessionRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GetSessionRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The session id from a Result (a UUID; anything else is INVALID_ARGUMENT).
             * @member {string} sessionId
             * @memberof ras.v1.GetSessionRequest
             * @instance
             */
            GetSessionRequest.prototype.sessionId = "";

            /**
             * Creates a new GetSessionRequest instance using the specified properties.
             * @function create
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {ras.v1.GetSessionRequest.$Properties=} [properties] Properties to set
             * @returns {ras.v1.GetSessionRequest} GetSessionRequest instance
             * @type {{
             *   (properties: ras.v1.GetSessionRequest.$Shape): ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape;
             *   (properties?: ras.v1.GetSessionRequest.$Properties): ras.v1.GetSessionRequest;
             * }}
             */
            GetSessionRequest.create = function(properties) {
                return new GetSessionRequest(properties);
            };

            /**
             * Encodes the specified GetSessionRequest message. Does not implicitly {@link ras.v1.GetSessionRequest.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {ras.v1.GetSessionRequest.$Properties} message GetSessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetSessionRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified GetSessionRequest message, length delimited. Does not implicitly {@link ras.v1.GetSessionRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {ras.v1.GetSessionRequest.$Properties} message GetSessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetSessionRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a GetSessionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape} GetSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetSessionRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.GetSessionRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a GetSessionRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.GetSessionRequest & ras.v1.GetSessionRequest.$Shape} GetSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetSessionRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a GetSessionRequest message.
             * @function verify
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GetSessionRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                return null;
            };

            /**
             * Creates a GetSessionRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.GetSessionRequest} GetSessionRequest
             */
            GetSessionRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.GetSessionRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.GetSessionRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.GetSessionRequest();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                return message;
            };

            /**
             * Creates a plain object from a GetSessionRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {ras.v1.GetSessionRequest} message GetSessionRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GetSessionRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.sessionId = "";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                return object;
            };

            /**
             * Converts this GetSessionRequest to JSON.
             * @function toJSON
             * @memberof ras.v1.GetSessionRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GetSessionRequest.prototype.toJSON = function() {
                return GetSessionRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for GetSessionRequest
             * @function getTypeUrl
             * @memberof ras.v1.GetSessionRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GetSessionRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.GetSessionRequest";
            };

            return GetSessionRequest;
        })();

        v1.Session = (function() {

            /**
             * Properties of a Session.
             * @typedef {Object} ras.v1.Session.$Properties
             * @property {string} [sessionId] The session id.
             * @property {string} [model] The model that made it.
             * @property {Array.<number>} [versions] Versions still addressable, ascending.
             * @property {ras.v1.GenerateRequest.$Properties} [recipe] The recipe of version 1 (seed filled in; no preview options).
             * @property {number} [createdAtUnixMs] Creation time, whole milliseconds since the Unix epoch.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Session.
             * @memberof ras.v1
             * @interface ISession
             * @augments ras.v1.Session.$Properties
             * @deprecated Use ras.v1.Session.$Properties instead.
             */

            /**
             * Shape of a Session.
             * @typedef {{
             *   sessionId?: string;
             *   model?: string;
             *   versions?: Array.<number>;
             *   recipe?: ras.v1.GenerateRequest.$Shape;
             *   createdAtUnixMs?: number;
             *   $unknowns?: Array.<Uint8Array>;
             * }} ras.v1.Session.$Shape
             */

            /**
             * Constructs a new Session.
             * @memberof ras.v1
             * @classdesc A session on this node.
             * @constructor
             * @param {ras.v1.Session.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Session = function (properties) {
                this.versions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The session id.
             * @member {string} sessionId
             * @memberof ras.v1.Session
             * @instance
             */
            Session.prototype.sessionId = "";

            /**
             * The model that made it.
             * @member {string} model
             * @memberof ras.v1.Session
             * @instance
             */
            Session.prototype.model = "";

            /**
             * Versions still addressable, ascending.
             * @member {Array.<number>} versions
             * @memberof ras.v1.Session
             * @instance
             */
            Session.prototype.versions = $util.emptyArray;

            /**
             * The recipe of version 1 (seed filled in; no preview options).
             * @member {ras.v1.GenerateRequest} recipe
             * @memberof ras.v1.Session
             * @instance
             */
            Session.prototype.recipe = null;

            /**
             * Creation time, whole milliseconds since the Unix epoch.
             * @member {number} createdAtUnixMs
             * @memberof ras.v1.Session
             * @instance
             */
            Session.prototype.createdAtUnixMs = 0;

            /**
             * Creates a new Session instance using the specified properties.
             * @function create
             * @memberof ras.v1.Session
             * @static
             * @param {ras.v1.Session.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Session} Session instance
             * @type {{
             *   (properties: ras.v1.Session.$Shape): ras.v1.Session & ras.v1.Session.$Shape;
             *   (properties?: ras.v1.Session.$Properties): ras.v1.Session;
             * }}
             */
            Session.create = function(properties) {
                return new Session(properties);
            };

            /**
             * Encodes the specified Session message. Does not implicitly {@link ras.v1.Session.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Session
             * @static
             * @param {ras.v1.Session.$Properties} message Session message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Session.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.model);
                if (message.versions != null && message.versions.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.versions);
                if (message.recipe != null && $Object.hasOwnProperty.call(message, "recipe"))
                    $root.ras.v1.GenerateRequest.encode(message.recipe, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.createdAtUnixMs != null && $Object.hasOwnProperty.call(message, "createdAtUnixMs") && !$Object.is(message.createdAtUnixMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.createdAtUnixMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Session message, length delimited. Does not implicitly {@link ras.v1.Session.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Session
             * @static
             * @param {ras.v1.Session.$Properties} message Session message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Session.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Session message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Session
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Session & ras.v1.Session.$Shape} Session
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Session.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Session();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.versions && message.versions.length))
                                    message.versions = [];
                                reader.uint32s(message.versions);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.versions && message.versions.length))
                                message.versions = [];
                            message.versions.push(reader.uint32());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.recipe = $root.ras.v1.GenerateRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.recipe);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.createdAtUnixMs = value;
                            else
                                delete message.createdAtUnixMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Session message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Session
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Session & ras.v1.Session.$Shape} Session
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Session.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Session message.
             * @function verify
             * @memberof ras.v1.Session
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Session.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.versions != null && $Object.hasOwnProperty.call(message, "versions")) {
                    if (!$Array.isArray(message.versions))
                        return "versions: array expected";
                    for (let i = 0; i < message.versions.length; ++i)
                        if (!$util.isInteger(message.versions[i]))
                            return "versions: integer[] expected";
                }
                if (message.recipe != null && $Object.hasOwnProperty.call(message, "recipe")) {
                    let error = $root.ras.v1.GenerateRequest.verify(message.recipe, _depth + 1);
                    if (error)
                        return "recipe." + error;
                }
                if (message.createdAtUnixMs != null && $Object.hasOwnProperty.call(message, "createdAtUnixMs"))
                    if (typeof message.createdAtUnixMs !== "number")
                        return "createdAtUnixMs: number expected";
                return null;
            };

            /**
             * Creates a Session message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Session
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Session} Session
             */
            Session.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Session)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Session: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Session();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.versions) {
                    if (!$Array.isArray(object.versions))
                        throw $TypeError(".ras.v1.Session.versions: array expected");
                    message.versions = $Array(object.versions.length);
                    for (let i = 0; i < object.versions.length; ++i)
                        message.versions[i] = object.versions[i] >>> 0;
                }
                if (object.recipe != null) {
                    if (!$util.isObject(object.recipe))
                        throw $TypeError(".ras.v1.Session.recipe: object expected");
                    message.recipe = $root.ras.v1.GenerateRequest.fromObject(object.recipe, _depth + 1);
                }
                if (object.createdAtUnixMs != null)
                    if (!$Object.is($Number(object.createdAtUnixMs), 0))
                        message.createdAtUnixMs = $Number(object.createdAtUnixMs);
                return message;
            };

            /**
             * Creates a plain object from a Session message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Session
             * @static
             * @param {ras.v1.Session} message Session
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Session.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.versions = [];
                if (options.defaults) {
                    object.sessionId = "";
                    object.model = "";
                    object.recipe = null;
                    object.createdAtUnixMs = 0;
                }
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.versions && message.versions.length) {
                    object.versions = $Array(message.versions.length);
                    for (let j = 0; j < message.versions.length; ++j)
                        object.versions[j] = message.versions[j];
                }
                if (message.recipe != null && $Object.hasOwnProperty.call(message, "recipe"))
                    object.recipe = $root.ras.v1.GenerateRequest.toObject(message.recipe, options, _depth + 1);
                if (message.createdAtUnixMs != null && $Object.hasOwnProperty.call(message, "createdAtUnixMs"))
                    object.createdAtUnixMs = options.json && !$isFinite(message.createdAtUnixMs) ? $String(message.createdAtUnixMs) : message.createdAtUnixMs;
                return object;
            };

            /**
             * Converts this Session to JSON.
             * @function toJSON
             * @memberof ras.v1.Session
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Session.prototype.toJSON = function() {
                return Session.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Session
             * @function getTypeUrl
             * @memberof ras.v1.Session
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Session.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Session";
            };

            return Session;
        })();

        v1.DeleteSessionRequest = (function() {

            /**
             * Properties of a DeleteSessionRequest.
             * @typedef {Object} ras.v1.DeleteSessionRequest.$Properties
             * @property {string} [sessionId] The session id from a Result.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteSessionRequest.
             * @memberof ras.v1
             * @interface IDeleteSessionRequest
             * @augments ras.v1.DeleteSessionRequest.$Properties
             * @deprecated Use ras.v1.DeleteSessionRequest.$Properties instead.
             */

            /**
             * Shape of a DeleteSessionRequest.
             * @typedef {ras.v1.DeleteSessionRequest.$Properties} ras.v1.DeleteSessionRequest.$Shape
             */

            /**
             * Constructs a new DeleteSessionRequest.
             * @memberof ras.v1
             * @classdesc Names the session to delete.
             * @constructor
             * @param {ras.v1.DeleteSessionRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteSessionRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The session id from a Result.
             * @member {string} sessionId
             * @memberof ras.v1.DeleteSessionRequest
             * @instance
             */
            DeleteSessionRequest.prototype.sessionId = "";

            /**
             * Creates a new DeleteSessionRequest instance using the specified properties.
             * @function create
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {ras.v1.DeleteSessionRequest.$Properties=} [properties] Properties to set
             * @returns {ras.v1.DeleteSessionRequest} DeleteSessionRequest instance
             * @type {{
             *   (properties: ras.v1.DeleteSessionRequest.$Shape): ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape;
             *   (properties?: ras.v1.DeleteSessionRequest.$Properties): ras.v1.DeleteSessionRequest;
             * }}
             */
            DeleteSessionRequest.create = function(properties) {
                return new DeleteSessionRequest(properties);
            };

            /**
             * Encodes the specified DeleteSessionRequest message. Does not implicitly {@link ras.v1.DeleteSessionRequest.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {ras.v1.DeleteSessionRequest.$Properties} message DeleteSessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSessionRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeleteSessionRequest message, length delimited. Does not implicitly {@link ras.v1.DeleteSessionRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {ras.v1.DeleteSessionRequest.$Properties} message DeleteSessionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSessionRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteSessionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape} DeleteSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSessionRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.DeleteSessionRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeleteSessionRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.DeleteSessionRequest & ras.v1.DeleteSessionRequest.$Shape} DeleteSessionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSessionRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteSessionRequest message.
             * @function verify
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteSessionRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                return null;
            };

            /**
             * Creates a DeleteSessionRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.DeleteSessionRequest} DeleteSessionRequest
             */
            DeleteSessionRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.DeleteSessionRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.DeleteSessionRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.DeleteSessionRequest();
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                return message;
            };

            /**
             * Creates a plain object from a DeleteSessionRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {ras.v1.DeleteSessionRequest} message DeleteSessionRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteSessionRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.sessionId = "";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                return object;
            };

            /**
             * Converts this DeleteSessionRequest to JSON.
             * @function toJSON
             * @memberof ras.v1.DeleteSessionRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteSessionRequest.prototype.toJSON = function() {
                return DeleteSessionRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteSessionRequest
             * @function getTypeUrl
             * @memberof ras.v1.DeleteSessionRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteSessionRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.DeleteSessionRequest";
            };

            return DeleteSessionRequest;
        })();

        v1.DeleteSessionResponse = (function() {

            /**
             * Properties of a DeleteSessionResponse.
             * @typedef {Object} ras.v1.DeleteSessionResponse.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteSessionResponse.
             * @memberof ras.v1
             * @interface IDeleteSessionResponse
             * @augments ras.v1.DeleteSessionResponse.$Properties
             * @deprecated Use ras.v1.DeleteSessionResponse.$Properties instead.
             */

            /**
             * Shape of a DeleteSessionResponse.
             * @typedef {ras.v1.DeleteSessionResponse.$Properties} ras.v1.DeleteSessionResponse.$Shape
             */

            /**
             * Constructs a new DeleteSessionResponse.
             * @memberof ras.v1
             * @classdesc Nothing to report: the session is gone.
             * @constructor
             * @param {ras.v1.DeleteSessionResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteSessionResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new DeleteSessionResponse instance using the specified properties.
             * @function create
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {ras.v1.DeleteSessionResponse.$Properties=} [properties] Properties to set
             * @returns {ras.v1.DeleteSessionResponse} DeleteSessionResponse instance
             * @type {{
             *   (properties: ras.v1.DeleteSessionResponse.$Shape): ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape;
             *   (properties?: ras.v1.DeleteSessionResponse.$Properties): ras.v1.DeleteSessionResponse;
             * }}
             */
            DeleteSessionResponse.create = function(properties) {
                return new DeleteSessionResponse(properties);
            };

            /**
             * Encodes the specified DeleteSessionResponse message. Does not implicitly {@link ras.v1.DeleteSessionResponse.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {ras.v1.DeleteSessionResponse.$Properties} message DeleteSessionResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSessionResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeleteSessionResponse message, length delimited. Does not implicitly {@link ras.v1.DeleteSessionResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {ras.v1.DeleteSessionResponse.$Properties} message DeleteSessionResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteSessionResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteSessionResponse message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape} DeleteSessionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSessionResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.DeleteSessionResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeleteSessionResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.DeleteSessionResponse & ras.v1.DeleteSessionResponse.$Shape} DeleteSessionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteSessionResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteSessionResponse message.
             * @function verify
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteSessionResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a DeleteSessionResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.DeleteSessionResponse} DeleteSessionResponse
             */
            DeleteSessionResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.DeleteSessionResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.DeleteSessionResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.ras.v1.DeleteSessionResponse();
            };

            /**
             * Creates a plain object from a DeleteSessionResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {ras.v1.DeleteSessionResponse} message DeleteSessionResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteSessionResponse.toObject = function () {
                return {};
            };

            /**
             * Converts this DeleteSessionResponse to JSON.
             * @function toJSON
             * @memberof ras.v1.DeleteSessionResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteSessionResponse.prototype.toJSON = function() {
                return DeleteSessionResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteSessionResponse
             * @function getTypeUrl
             * @memberof ras.v1.DeleteSessionResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteSessionResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.DeleteSessionResponse";
            };

            return DeleteSessionResponse;
        })();

        v1.ListModelsRequest = (function() {

            /**
             * Properties of a ListModelsRequest.
             * @typedef {Object} ras.v1.ListModelsRequest.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListModelsRequest.
             * @memberof ras.v1
             * @interface IListModelsRequest
             * @augments ras.v1.ListModelsRequest.$Properties
             * @deprecated Use ras.v1.ListModelsRequest.$Properties instead.
             */

            /**
             * Shape of a ListModelsRequest.
             * @typedef {ras.v1.ListModelsRequest.$Properties} ras.v1.ListModelsRequest.$Shape
             */

            /**
             * Constructs a new ListModelsRequest.
             * @memberof ras.v1
             * @classdesc No parameters.
             * @constructor
             * @param {ras.v1.ListModelsRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListModelsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new ListModelsRequest instance using the specified properties.
             * @function create
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {ras.v1.ListModelsRequest.$Properties=} [properties] Properties to set
             * @returns {ras.v1.ListModelsRequest} ListModelsRequest instance
             * @type {{
             *   (properties: ras.v1.ListModelsRequest.$Shape): ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape;
             *   (properties?: ras.v1.ListModelsRequest.$Properties): ras.v1.ListModelsRequest;
             * }}
             */
            ListModelsRequest.create = function(properties) {
                return new ListModelsRequest(properties);
            };

            /**
             * Encodes the specified ListModelsRequest message. Does not implicitly {@link ras.v1.ListModelsRequest.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {ras.v1.ListModelsRequest.$Properties} message ListModelsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListModelsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ListModelsRequest message, length delimited. Does not implicitly {@link ras.v1.ListModelsRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {ras.v1.ListModelsRequest.$Properties} message ListModelsRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListModelsRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ListModelsRequest message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape} ListModelsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListModelsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.ListModelsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ListModelsRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.ListModelsRequest & ras.v1.ListModelsRequest.$Shape} ListModelsRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListModelsRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ListModelsRequest message.
             * @function verify
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListModelsRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a ListModelsRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.ListModelsRequest} ListModelsRequest
             */
            ListModelsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.ListModelsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.ListModelsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.ras.v1.ListModelsRequest();
            };

            /**
             * Creates a plain object from a ListModelsRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {ras.v1.ListModelsRequest} message ListModelsRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListModelsRequest.toObject = function () {
                return {};
            };

            /**
             * Converts this ListModelsRequest to JSON.
             * @function toJSON
             * @memberof ras.v1.ListModelsRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListModelsRequest.prototype.toJSON = function() {
                return ListModelsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ListModelsRequest
             * @function getTypeUrl
             * @memberof ras.v1.ListModelsRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ListModelsRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.ListModelsRequest";
            };

            return ListModelsRequest;
        })();

        v1.ListModelsResponse = (function() {

            /**
             * Properties of a ListModelsResponse.
             * @typedef {Object} ras.v1.ListModelsResponse.$Properties
             * @property {Array.<ras.v1.Model.$Properties>} [models] One entry per model.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListModelsResponse.
             * @memberof ras.v1
             * @interface IListModelsResponse
             * @augments ras.v1.ListModelsResponse.$Properties
             * @deprecated Use ras.v1.ListModelsResponse.$Properties instead.
             */

            /**
             * Shape of a ListModelsResponse.
             * @typedef {ras.v1.ListModelsResponse.$Properties} ras.v1.ListModelsResponse.$Shape
             */

            /**
             * Constructs a new ListModelsResponse.
             * @memberof ras.v1
             * @classdesc The models this node serves.
             * @constructor
             * @param {ras.v1.ListModelsResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListModelsResponse = function (properties) {
                this.models = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * One entry per model.
             * @member {Array.<ras.v1.Model>} models
             * @memberof ras.v1.ListModelsResponse
             * @instance
             */
            ListModelsResponse.prototype.models = $util.emptyArray;

            /**
             * Creates a new ListModelsResponse instance using the specified properties.
             * @function create
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {ras.v1.ListModelsResponse.$Properties=} [properties] Properties to set
             * @returns {ras.v1.ListModelsResponse} ListModelsResponse instance
             * @type {{
             *   (properties: ras.v1.ListModelsResponse.$Shape): ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape;
             *   (properties?: ras.v1.ListModelsResponse.$Properties): ras.v1.ListModelsResponse;
             * }}
             */
            ListModelsResponse.create = function(properties) {
                return new ListModelsResponse(properties);
            };

            /**
             * Encodes the specified ListModelsResponse message. Does not implicitly {@link ras.v1.ListModelsResponse.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {ras.v1.ListModelsResponse.$Properties} message ListModelsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListModelsResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.models != null && message.models.length)
                    for (let i = 0; i < message.models.length; ++i)
                        $root.ras.v1.Model.encode(message.models[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ListModelsResponse message, length delimited. Does not implicitly {@link ras.v1.ListModelsResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {ras.v1.ListModelsResponse.$Properties} message ListModelsResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListModelsResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ListModelsResponse message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape} ListModelsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListModelsResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.ListModelsResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.models && message.models.length))
                                message.models = [];
                            message.models.push($root.ras.v1.Model.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ListModelsResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.ListModelsResponse & ras.v1.ListModelsResponse.$Shape} ListModelsResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListModelsResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ListModelsResponse message.
             * @function verify
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListModelsResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.models != null && $Object.hasOwnProperty.call(message, "models")) {
                    if (!$Array.isArray(message.models))
                        return "models: array expected";
                    for (let i = 0; i < message.models.length; ++i) {
                        let error = $root.ras.v1.Model.verify(message.models[i], _depth + 1);
                        if (error)
                            return "models." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a ListModelsResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.ListModelsResponse} ListModelsResponse
             */
            ListModelsResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.ListModelsResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.ListModelsResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.ListModelsResponse();
                if (object.models) {
                    if (!$Array.isArray(object.models))
                        throw $TypeError(".ras.v1.ListModelsResponse.models: array expected");
                    message.models = $Array(object.models.length);
                    for (let i = 0; i < object.models.length; ++i) {
                        if (!$util.isObject(object.models[i]))
                            throw $TypeError(".ras.v1.ListModelsResponse.models: object expected");
                        message.models[i] = $root.ras.v1.Model.fromObject(object.models[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ListModelsResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {ras.v1.ListModelsResponse} message ListModelsResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListModelsResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.models = [];
                if (message.models && message.models.length) {
                    object.models = $Array(message.models.length);
                    for (let j = 0; j < message.models.length; ++j)
                        object.models[j] = $root.ras.v1.Model.toObject(message.models[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ListModelsResponse to JSON.
             * @function toJSON
             * @memberof ras.v1.ListModelsResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListModelsResponse.prototype.toJSON = function() {
                return ListModelsResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ListModelsResponse
             * @function getTypeUrl
             * @memberof ras.v1.ListModelsResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ListModelsResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.ListModelsResponse";
            };

            return ListModelsResponse;
        })();

        v1.Model = (function() {

            /**
             * Properties of a Model.
             * @typedef {Object} ras.v1.Model.$Properties
             * @property {string} [name] The name to pass as GenerateRequest.model.
             * @property {Array.<string>} [labels] Class labels, index = class id (empty when the card names none).
             * @property {number} [width] Default image width in pixels.
             * @property {number} [height] Default image height in pixels.
             * @property {number} [patch] Patch size: width and height must be multiples of it.
             * @property {number} [recommendedSteps] Recommended sampling steps.
             * @property {number} [recommendedGuidance] Recommended guidance scale.
             * @property {Array.<ras.v1.Size.$Properties>} [sizes] Sizes the model serves well (was trained at); empty: none (a test model).
             * Other sizes within its limits are accepted, and may come out as noise.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Model.
             * @memberof ras.v1
             * @interface IModel
             * @augments ras.v1.Model.$Properties
             * @deprecated Use ras.v1.Model.$Properties instead.
             */

            /**
             * Shape of a Model.
             * @typedef {ras.v1.Model.$Properties} ras.v1.Model.$Shape
             */

            /**
             * Constructs a new Model.
             * @memberof ras.v1
             * @classdesc A model and its defaults.
             * @constructor
             * @param {ras.v1.Model.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Model = function (properties) {
                this.labels = [];
                this.sizes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * The name to pass as GenerateRequest.model.
             * @member {string} name
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.name = "";

            /**
             * Class labels, index = class id (empty when the card names none).
             * @member {Array.<string>} labels
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.labels = $util.emptyArray;

            /**
             * Default image width in pixels.
             * @member {number} width
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.width = 0;

            /**
             * Default image height in pixels.
             * @member {number} height
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.height = 0;

            /**
             * Patch size: width and height must be multiples of it.
             * @member {number} patch
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.patch = 0;

            /**
             * Recommended sampling steps.
             * @member {number} recommendedSteps
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.recommendedSteps = 0;

            /**
             * Recommended guidance scale.
             * @member {number} recommendedGuidance
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.recommendedGuidance = 0;

            /**
             * Sizes the model serves well (was trained at); empty: none (a test model).
             * Other sizes within its limits are accepted, and may come out as noise.
             * @member {Array.<ras.v1.Size>} sizes
             * @memberof ras.v1.Model
             * @instance
             */
            Model.prototype.sizes = $util.emptyArray;

            /**
             * Creates a new Model instance using the specified properties.
             * @function create
             * @memberof ras.v1.Model
             * @static
             * @param {ras.v1.Model.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Model} Model instance
             * @type {{
             *   (properties: ras.v1.Model.$Shape): ras.v1.Model & ras.v1.Model.$Shape;
             *   (properties?: ras.v1.Model.$Properties): ras.v1.Model;
             * }}
             */
            Model.create = function(properties) {
                return new Model(properties);
            };

            /**
             * Encodes the specified Model message. Does not implicitly {@link ras.v1.Model.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Model
             * @static
             * @param {ras.v1.Model.$Properties} message Model message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Model.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.labels != null && message.labels.length)
                    for (let i = 0; i < message.labels.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.labels[i]);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.height);
                if (message.patch != null && $Object.hasOwnProperty.call(message, "patch") && message.patch !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.patch);
                if (message.recommendedSteps != null && $Object.hasOwnProperty.call(message, "recommendedSteps") && message.recommendedSteps !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.recommendedSteps);
                if (message.recommendedGuidance != null && $Object.hasOwnProperty.call(message, "recommendedGuidance") && !$Object.is(message.recommendedGuidance, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.recommendedGuidance);
                if (message.sizes != null && message.sizes.length)
                    for (let i = 0; i < message.sizes.length; ++i)
                        $root.ras.v1.Size.encode(message.sizes[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Model message, length delimited. Does not implicitly {@link ras.v1.Model.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Model
             * @static
             * @param {ras.v1.Model.$Properties} message Model message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Model.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Model message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Model
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Model & ras.v1.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Model.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Model();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.labels && message.labels.length))
                                message.labels = [];
                            message.labels.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.patch = value;
                            else
                                delete message.patch;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.recommendedSteps = value;
                            else
                                delete message.recommendedSteps;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.recommendedGuidance = value;
                            else
                                delete message.recommendedGuidance;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sizes && message.sizes.length))
                                message.sizes = [];
                            message.sizes.push($root.ras.v1.Size.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Model message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Model
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Model & ras.v1.Model.$Shape} Model
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Model.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Model message.
             * @function verify
             * @memberof ras.v1.Model
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Model.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels")) {
                    if (!$Array.isArray(message.labels))
                        return "labels: array expected";
                    for (let i = 0; i < message.labels.length; ++i)
                        if (!$util.isString(message.labels[i]))
                            return "labels: string[] expected";
                }
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                if (message.patch != null && $Object.hasOwnProperty.call(message, "patch"))
                    if (!$util.isInteger(message.patch))
                        return "patch: integer expected";
                if (message.recommendedSteps != null && $Object.hasOwnProperty.call(message, "recommendedSteps"))
                    if (!$util.isInteger(message.recommendedSteps))
                        return "recommendedSteps: integer expected";
                if (message.recommendedGuidance != null && $Object.hasOwnProperty.call(message, "recommendedGuidance"))
                    if (typeof message.recommendedGuidance !== "number")
                        return "recommendedGuidance: number expected";
                if (message.sizes != null && $Object.hasOwnProperty.call(message, "sizes")) {
                    if (!$Array.isArray(message.sizes))
                        return "sizes: array expected";
                    for (let i = 0; i < message.sizes.length; ++i) {
                        let error = $root.ras.v1.Size.verify(message.sizes[i], _depth + 1);
                        if (error)
                            return "sizes." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Model message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Model
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Model} Model
             */
            Model.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Model)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Model: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Model();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.labels) {
                    if (!$Array.isArray(object.labels))
                        throw $TypeError(".ras.v1.Model.labels: array expected");
                    message.labels = $Array(object.labels.length);
                    for (let i = 0; i < object.labels.length; ++i)
                        message.labels[i] = $String(object.labels[i]);
                }
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.patch != null)
                    if ($Number(object.patch) !== 0)
                        message.patch = object.patch >>> 0;
                if (object.recommendedSteps != null)
                    if ($Number(object.recommendedSteps) !== 0)
                        message.recommendedSteps = object.recommendedSteps >>> 0;
                if (object.recommendedGuidance != null)
                    if (!$Object.is($Number(object.recommendedGuidance), 0))
                        message.recommendedGuidance = $Number(object.recommendedGuidance);
                if (object.sizes) {
                    if (!$Array.isArray(object.sizes))
                        throw $TypeError(".ras.v1.Model.sizes: array expected");
                    message.sizes = $Array(object.sizes.length);
                    for (let i = 0; i < object.sizes.length; ++i) {
                        if (!$util.isObject(object.sizes[i]))
                            throw $TypeError(".ras.v1.Model.sizes: object expected");
                        message.sizes[i] = $root.ras.v1.Size.fromObject(object.sizes[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Model message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Model
             * @static
             * @param {ras.v1.Model} message Model
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Model.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.labels = [];
                    object.sizes = [];
                }
                if (options.defaults) {
                    object.name = "";
                    object.width = 0;
                    object.height = 0;
                    object.patch = 0;
                    object.recommendedSteps = 0;
                    object.recommendedGuidance = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.labels && message.labels.length) {
                    object.labels = $Array(message.labels.length);
                    for (let j = 0; j < message.labels.length; ++j)
                        object.labels[j] = message.labels[j];
                }
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.patch != null && $Object.hasOwnProperty.call(message, "patch"))
                    object.patch = message.patch;
                if (message.recommendedSteps != null && $Object.hasOwnProperty.call(message, "recommendedSteps"))
                    object.recommendedSteps = message.recommendedSteps;
                if (message.recommendedGuidance != null && $Object.hasOwnProperty.call(message, "recommendedGuidance"))
                    object.recommendedGuidance = options.json && !$isFinite(message.recommendedGuidance) ? $String(message.recommendedGuidance) : message.recommendedGuidance;
                if (message.sizes && message.sizes.length) {
                    object.sizes = $Array(message.sizes.length);
                    for (let j = 0; j < message.sizes.length; ++j)
                        object.sizes[j] = $root.ras.v1.Size.toObject(message.sizes[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this Model to JSON.
             * @function toJSON
             * @memberof ras.v1.Model
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Model.prototype.toJSON = function() {
                return Model.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Model
             * @function getTypeUrl
             * @memberof ras.v1.Model
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Model.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Model";
            };

            return Model;
        })();

        v1.Size = (function() {

            /**
             * Properties of a Size.
             * @typedef {Object} ras.v1.Size.$Properties
             * @property {number} [width] Width in pixels.
             * @property {number} [height] Height in pixels.
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Size.
             * @memberof ras.v1
             * @interface ISize
             * @augments ras.v1.Size.$Properties
             * @deprecated Use ras.v1.Size.$Properties instead.
             */

            /**
             * Shape of a Size.
             * @typedef {ras.v1.Size.$Properties} ras.v1.Size.$Shape
             */

            /**
             * Constructs a new Size.
             * @memberof ras.v1
             * @classdesc An image size in pixels.
             * @constructor
             * @param {ras.v1.Size.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Size = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Width in pixels.
             * @member {number} width
             * @memberof ras.v1.Size
             * @instance
             */
            Size.prototype.width = 0;

            /**
             * Height in pixels.
             * @member {number} height
             * @memberof ras.v1.Size
             * @instance
             */
            Size.prototype.height = 0;

            /**
             * Creates a new Size instance using the specified properties.
             * @function create
             * @memberof ras.v1.Size
             * @static
             * @param {ras.v1.Size.$Properties=} [properties] Properties to set
             * @returns {ras.v1.Size} Size instance
             * @type {{
             *   (properties: ras.v1.Size.$Shape): ras.v1.Size & ras.v1.Size.$Shape;
             *   (properties?: ras.v1.Size.$Properties): ras.v1.Size;
             * }}
             */
            Size.create = function(properties) {
                return new Size(properties);
            };

            /**
             * Encodes the specified Size message. Does not implicitly {@link ras.v1.Size.verify|verify} messages.
             * @function encode
             * @memberof ras.v1.Size
             * @static
             * @param {ras.v1.Size.$Properties} message Size message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Size.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.height);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Size message, length delimited. Does not implicitly {@link ras.v1.Size.verify|verify} messages.
             * @function encodeDelimited
             * @memberof ras.v1.Size
             * @static
             * @param {ras.v1.Size.$Properties} message Size message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Size.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Size message from the specified reader or buffer.
             * @function decode
             * @memberof ras.v1.Size
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {ras.v1.Size & ras.v1.Size.$Shape} Size
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Size.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.ras.v1.Size();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Size message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof ras.v1.Size
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {ras.v1.Size & ras.v1.Size.$Shape} Size
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Size.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Size message.
             * @function verify
             * @memberof ras.v1.Size
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Size.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                return null;
            };

            /**
             * Creates a Size message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof ras.v1.Size
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {ras.v1.Size} Size
             */
            Size.fromObject = function (object, _depth) {
                if (object instanceof $root.ras.v1.Size)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".ras.v1.Size: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.ras.v1.Size();
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Size message. Also converts values to other types if specified.
             * @function toObject
             * @memberof ras.v1.Size
             * @static
             * @param {ras.v1.Size} message Size
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Size.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.width = 0;
                    object.height = 0;
                }
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                return object;
            };

            /**
             * Converts this Size to JSON.
             * @function toJSON
             * @memberof ras.v1.Size
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Size.prototype.toJSON = function() {
                return Size.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Size
             * @function getTypeUrl
             * @memberof ras.v1.Size
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Size.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/ras.v1.Size";
            };

            return Size;
        })();

        return v1;
    })();

    return ras;
})();

export {
  $root as default
};
