declare module 'virtual:sailpoint-endpoints' {
  const endpoints: readonly {
    readonly method: string;
    readonly path: string;
    readonly operationId?: string;
    readonly schema: import('v3-filters').Schema;
    readonly example?: string;
  }[];
  export default endpoints;
}
