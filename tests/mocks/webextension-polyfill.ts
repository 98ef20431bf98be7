// webextension-polyfill throws under Node; unit tests get this inert stand-in instead (see vitest.config.ts).
const noop = () => undefined;
const browser = {
  runtime: {
    id: 'test',
    sendMessage: async () => undefined,
    onMessage: { addListener: noop, removeListener: noop },
  },
  storage: { local: { get: async () => ({}), set: async () => undefined } },
  i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
};
export default browser;
