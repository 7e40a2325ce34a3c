import { Box, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import {
  BooleanInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { RupiahInput } from '../fields';
import { categoryChoices, SLUG_PATTERN, slugify } from './choices';

const Section = ({ title, helper }: { title: string; helper?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 1 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      {helper && (
        <Typography variant="body2" color="text.secondary">
          {translate(helper)}
        </Typography>
      )}
    </Box>
  );
};

/** On create, the slug follows the name until someone edits it by hand. */
const SlugFromName = () => {
  const name = useWatch({ name: 'name' }) as string | undefined;
  const { setValue } = useFormContext();
  const { dirtyFields } = useFormState({ name: 'slug' });
  const slugEdited = !!(dirtyFields as Record<string, unknown>).slug;
  useEffect(() => {
    if (!slugEdited) setValue('slug', slugify(name ?? ''), { shouldValidate: false });
  }, [name, slugEdited, setValue]);
  return null;
};

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 180px' } } as const;
const int = (min: number, max: number) => [minValue(min), maxValue(max)];

/** The specs the API requires depend on the category: rack space and power for colocation, a machine otherwise. */
const SpecsInputs = () => (
  <FormDataConsumer<{ category?: string }>>
    {({ formData }) =>
      formData.category === 'COLOCATION' ? (
        <>
          <Section title="resources.products.sections.specs" helper="resources.products.helper.specsColocation" />
          <Box sx={row}>
            <NumberInput source="specs.rackUnits" step={1} validate={[required(), ...int(1, 48)]} />
            <NumberInput source="specs.powerWatts" step={1} validate={[required(), ...int(1, 100_000)]} />
            <TextInput source="specs.bandwidth" validate={maxLength(80)} />
            <NumberInput source="specs.ipv4Count" step={1} validate={int(0, 256)} />
          </Box>
        </>
      ) : (
        <>
          <Section title="resources.products.sections.specs" helper="resources.products.helper.specsMachine" />
          <Box sx={row}>
            <TextInput source="specs.cpu" validate={[required(), maxLength(120)]} />
            <NumberInput source="specs.ramGb" step={1} validate={[required(), ...int(1, 65_536)]} />
            <NumberInput source="specs.storageGb" step={1} validate={[required(), ...int(1, 10_000_000)]} />
            <TextInput source="specs.storageType" validate={maxLength(40)} />
          </Box>
          <Box sx={row}>
            <TextInput source="specs.bandwidth" validate={maxLength(80)} />
            <NumberInput source="specs.ipv4Count" step={1} validate={int(0, 256)} />
          </Box>
        </>
      )
    }
  </FormDataConsumer>
);

export const productDefaults = { category: 'VPS', active: true, setupFee: '0', pricesIncludeVat: true, specs: { ipv4Count: 1 } };

export const ProductForm = ({ isCreate = false, ...props }: Omit<SimpleFormProps, 'children'> & { isCreate?: boolean }) => (
  <SimpleForm {...props} sx={{ maxWidth: 880 }}>
    {isCreate && <SlugFromName />}
    <Section title="resources.products.sections.general" />
    <Box sx={row}>
      <SelectInput source="category" choices={categoryChoices} validate={required()} />
      <TextInput source="name" validate={[required(), maxLength(120)]} />
    </Box>
    <TextInput source="slug" validate={[required(), maxLength(80), regex(SLUG_PATTERN, 'angsur.validation.slug')]} helperText="resources.products.helper.slug" />
    <TextInput source="description" multiline minRows={2} validate={maxLength(5000)} />
    <SpecsInputs />
    <Section title="resources.products.sections.pricing" />
    <Box sx={row}>
      <RupiahInput source="cashPrice" validate={[required(), minValue(1)]} />
      <RupiahInput source="setupFee" helperText="resources.products.helper.setupFee" />
    </Box>
    <BooleanInput source="pricesIncludeVat" helperText="resources.products.helper.pricesIncludeVat" />
    <BooleanInput source="active" />
  </SimpleForm>
);
