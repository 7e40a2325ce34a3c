import { Divider, Tab, Tabs } from '@mui/material';
import { useGetList, useListContext, useTranslate } from 'react-admin';

export interface FilterTab {
  id: string;
  /** Translation key. */
  label: string;
  /** The value of the list's `source` filter on this tab; undefined shows everything. */
  value?: unknown;
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** How many rows a tab holds: one tiny page of the same list. */
const TabCount = ({ resource, filter, label }: { resource: string; filter: Record<string, unknown>; label: string }) => {
  const translate = useTranslate();
  const { total } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  return <>{total === undefined ? translate(label) : `${translate(label)} (${total})`}</>;
};

/**
 * Work queues above a list ("Menunggu tindakan staf", "Semua", ...): each tab sets one filter
 * (`source`) of the list, and the tab whose value matches the current filter is selected. With
 * `counted`, the tabs that filter show how many rows they hold.
 */
export const FilterTabs = ({ source, tabs, counted = false }: { source: string; tabs: FilterTab[]; counted?: boolean }) => {
  const { resource, filterValues, displayedFilters, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const current = tabs.find((tab) => same(filterValues[source], tab.value)) ?? null;
  const change = (_event: unknown, id: string) => {
    const tab = tabs.find((t) => t.id === id)!;
    const { [source]: _previous, ...rest } = filterValues;
    setFilters(tab.value === undefined ? rest : { ...rest, [source]: tab.value }, { ...displayedFilters, [source]: false });
    if (tab.sort) setSort(tab.sort);
  };
  return (
    <>
      <Tabs value={current?.id ?? false} onChange={change} indicatorColor="primary" variant="scrollable" sx={{ px: 1 }}>
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={counted && tab.value !== undefined ? <TabCount resource={resource} filter={{ [source]: tab.value }} label={tab.label} /> : translate(tab.label)}
          />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
